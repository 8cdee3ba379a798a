package dev.origin.core.engine;

/**
 * The status of one requirement: met, not met, or not evaluable because the case file lacks facts
 * the requirement needs (the finding names them). Combined by three-valued logic: a requirement that
 * fails whatever the missing facts decides an "all of" on its own, one that is met decides an "any of".
 */
public enum FindingStatus {
    MET, NOT_MET, NOT_EVALUABLE;

    /** MET for true, NOT_MET for false. */
    public static FindingStatus of(boolean met) { return met ? MET : NOT_MET; }

    public boolean isMet() { return this == MET; }

    /** Both must be met: NOT_MET if either is, else NOT_EVALUABLE if either is. */
    public FindingStatus and(FindingStatus o) {
        if (this == NOT_MET || o == NOT_MET) return NOT_MET;
        if (this == NOT_EVALUABLE || o == NOT_EVALUABLE) return NOT_EVALUABLE;
        return MET;
    }

    /** Either suffices: MET if either is, else NOT_EVALUABLE if either is. */
    public FindingStatus or(FindingStatus o) {
        if (this == MET || o == MET) return MET;
        if (this == NOT_EVALUABLE || o == NOT_EVALUABLE) return NOT_EVALUABLE;
        return NOT_MET;
    }

    /** TRUE, FALSE or null (not evaluable), as the public case-file contract reports {@code met}. */
    public Boolean asBoolean() {
        return this == NOT_EVALUABLE ? null : this == MET;
    }
}
