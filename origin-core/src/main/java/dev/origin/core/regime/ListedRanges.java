package dev.origin.core.regime;

import dev.origin.core.hs.HsCode;
import dev.origin.core.hs.HsRange;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HS ranges a tracing list names (e.g. NAFTA Schedule IV): an unmodifiable list that remembers, per code, whether
 * a range contains it. The traced-VNM checks ask it for every material of every evaluation, and a simulation asks the
 * same few codes millions of times. At most {@value #MEMO_LIMIT} codes are remembered; past that, ranges are scanned.
 */
final class ListedRanges extends AbstractList<HsRange> implements RandomAccess {
    static final int MEMO_LIMIT = 50_000;
    private final HsRange[] ranges;
    private final Map<String, Boolean> memo = new ConcurrentHashMap<>();

    private ListedRanges(List<HsRange> ranges) {
        this.ranges = ranges.toArray(new HsRange[0]);
        for (HsRange r : this.ranges) Objects.requireNonNull(r, "range");
    }

    static ListedRanges of(List<HsRange> ranges) {
        return ranges instanceof ListedRanges l ? l : new ListedRanges(ranges);
    }

    /** True when some range contains {@code hs}. */
    boolean contains(HsCode hs) {
        Boolean known = memo.get(hs.digits());
        if (known != null) return known;
        boolean in = false;
        for (HsRange r : ranges) {
            if (r.contains(hs)) {
                in = true;
                break;
            }
        }
        if (memo.size() < MEMO_LIMIT) memo.putIfAbsent(hs.digits(), in);
        return in;
    }

    @Override public HsRange get(int index) { return ranges[index]; }

    @Override public int size() { return ranges.length; }
}
