package dev.origin.core.inventory;

/**
 * Inventory management methods of the Uniform Regulations, named after their text.
 *
 * <p>Fungible materials: SOR/94-14 s.7(16)(a) and Schedule X Part I; SOR/2020-155 s.8(18)(a) and
 * Schedule 8 Part 1. Fungible goods: SOR/94-14 s.7(16)(b) and Schedule X Part II; SOR/2020-155
 * s.8(18)(b) and Schedule 8 Part 2. Value of non-originating identical materials: SOR/94-14
 * Schedule IX; SOR/2020-155 Schedule 7. The specific identification method (Schedule X s.4 and 13,
 * Schedule 8 s.4 and 13) rests on physical segregation or origin identifiers and is not computed here.
 */
public enum InventoryMethod {
    /**
     * FIFO method: origin (and value) of the material or good first received is that of the first withdrawn.
     * SOR/94-14 Sch. X s.1 and 10, Sch. IX s.1; SOR/2020-155 Sch. 8 s.1 and 10, Sch. 7 s.1.
     */
    FIFO("FIFO method"),
    /**
     * LIFO method: origin (and value) of the material or good last received is that of the first withdrawn.
     * SOR/94-14 Sch. X s.1 and 10, Sch. IX s.1; SOR/2020-155 Sch. 8 s.1 and 10, Sch. 7 s.1.
     */
    LIFO("LIFO method"),
    /**
     * Average method, ratio calculated with respect to each shipment from the units in inventory prior to the
     * shipment and applied to the units remaining after it. Fungible materials only (RVC goods).
     * SOR/94-14 Sch. X s.8; SOR/2020-155 Sch. 8 s.8.
     */
    AVERAGE_EACH_SHIPMENT("average method, ratio calculated with respect to each shipment"),
    /**
     * Average method, ratio calculated with respect to an averaging period (opening units plus units received
     * during the period) and applied to withdrawals during that period and to the units remaining at its end.
     * Fungible materials, net cost averaging. SOR/94-14 Sch. X s.7; SOR/2020-155 Sch. 8 s.7.
     */
    AVERAGE_OVER_PERIOD("average method, ratio calculated with respect to the averaging period"),
    /**
     * Average method, withdrawals during a one- or three-month period take the ratio of the preceding one- or
     * three-month period, which is also applied to the units remaining at the end of that preceding period.
     * SOR/94-14 Sch. X s.6 (materials) and s.14 (goods); SOR/2020-155 Sch. 8 s.6 and s.14.
     */
    AVERAGE_PRECEDING_PERIOD("average method, ratio of the preceding one- or three-month period"),
    /**
     * Rolling average method: value of non-originating identical materials at their average value prior to
     * the shipment, applied to the remaining units. Inventory of non-originating materials only.
     * SOR/94-14 Sch. IX s.4; SOR/2020-155 Sch. 7 s.4.
     */
    ROLLING_AVERAGE("rolling average method");

    private final String text;

    InventoryMethod(String text) { this.text = text; }

    /** The method's name as the Regulations spell it. */
    public String text() { return text; }
}
