package dev.origin.core.engine;

import dev.origin.core.hs.HsCode;
import java.math.BigDecimal;
import java.util.List;

/**
 * A non-originating material to be tested against a tariff shift; {@code inputs} are what it was made
 * of (a self-produced material), {@code facts} what its line states (for materials named in words),
 * {@code asParts} whether the producer states it is provided for as a part of the good (criterion (d)), or null.
 */
record Candidate(String path, HsCode hs, BigDecimal value, List<Candidate> inputs, List<String> facts, Boolean asParts) {}
