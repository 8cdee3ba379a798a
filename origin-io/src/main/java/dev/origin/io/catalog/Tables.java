package dev.origin.io.catalog;

import java.util.List;

/** A catalog as its two tables, rows in file order. */
public record Tables(List<GoodRow> goods, List<LineRow> lines) {
    public Tables {
        goods = List.copyOf(goods);
        lines = List.copyOf(lines);
    }
}
