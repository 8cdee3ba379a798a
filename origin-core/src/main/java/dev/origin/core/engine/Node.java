package dev.origin.core.engine;

import dev.origin.core.hs.HsCode;
import dev.origin.core.model.CostSheet;
import dev.origin.core.model.Material;
import dev.origin.core.rules.Rule;
import java.math.BigDecimal;
import java.util.List;

/**
 * A producible node of the bill of materials: the good itself ({@code top}) or a self-produced material,
 * with its rule and whether it is a designated intermediate material.
 */
record Node(String path, HsCode hs, CostSheet costs, List<Material> materials, Rule rule, BigDecimal adjustedTv,
            boolean whollyObtained, boolean intermediate, boolean top) {

    /** The BOM path of a line of this node. */
    String at(String leaf) {
        return path.isEmpty() ? leaf : path + "/" + leaf;
    }
}
