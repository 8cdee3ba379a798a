package dev.origin.core.engine;

/** Verdict of an origin determination. */
public enum Status {
    ORIGINATING, NON_ORIGINATING,
    /** The answer depends on materials of unknown origin: the best case qualifies, the worst does not. */
    UNDETERMINED
}
