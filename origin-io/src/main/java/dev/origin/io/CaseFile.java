package dev.origin.io;

import dev.origin.core.model.Good;
import java.util.ArrayList;
import java.util.List;

/**
 * A case file read good by good ({@link CaseFileReader#load}): the goods that were read without a
 * problem, the problems of each good that was not, and where everything is in the file.
 *
 * @param goods    the valid goods, in file order
 * @param rejected the goods that could not be read, in file order, each with its located problems
 * @param sources  positions of the goods, their fields and materials, to locate the engine's diagnostics
 */
public record CaseFile(String file, List<Good> goods, List<Rejected> rejected, SourceMap sources) {

    public CaseFile {
        goods = List.copyOf(goods);
        rejected = List.copyOf(rejected);
    }

    /**
     * A good that could not be read.
     *
     * @param index    its 0-based position in {@code goods}
     * @param id       its id, or null when it has none that can be read
     * @param problems its problems, each located and naming the good
     */
    public record Rejected(int index, String id, List<Problem> problems) {
        public Rejected { problems = List.copyOf(problems); }
    }

    /** Every problem of the rejected goods, in file order. */
    public List<Problem> problems() {
        List<Problem> all = new ArrayList<>();
        for (Rejected r : rejected) all.addAll(r.problems());
        return all;
    }
}
