package dev.origin.tools.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates the OMEGA 2.5 cost equations of powertrain_cost.csv and glider_cost.csv for one MY2022
 * vehicle and sorts the results into the fleet's part groups. Markups are set to
 * {@link SampleAssumptions#OMEGA_MARKUP_USED} (direct manufacturing cost); dollar-basis years (2010–2021)
 * are not adjusted. Items OMEGA prices only as deltas (non-structure glider, learning) are not used.
 */
final class OmegaCostModel {
    private static final Pattern TRX = Pattern.compile("_TRX(\\d{2}|ECVT)");

    private final Map<String, String> powertrain = new HashMap<>();   // "TYPE|item" → expression
    private final Map<String, String> quantity = new HashMap<>();     // "TYPE|item" → quantity column
    private final Map<String, String> glider = new HashMap<>();       // "body|item|material" → expression

    private OmegaCostModel() {}

    static OmegaCostModel read(Path powertrainCsv, Path gliderCsv) throws IOException {
        OmegaCostModel m = new OmegaCostModel();
        List<List<String>> p = Csv.read(powertrainCsv);
        for (int r = 2; r < p.size(); r++) {
            List<String> row = p.get(r);
            if (row.size() >= 3) {
                m.powertrain.put(row.get(0).trim() + "|" + row.get(1).trim(), row.get(2).trim());
                m.quantity.put(row.get(0).trim() + "|" + row.get(1).trim(), row.size() > 3 ? row.get(3).trim() : "");
            }
        }
        List<List<String>> g = Csv.read(gliderCsv);
        for (int r = 2; r < g.size(); r++) {
            List<String> row = g.get(r);
            if (row.size() >= 4) {
                m.glider.put(row.get(0).trim() + "|" + row.get(1).trim() + "|" + row.get(2).trim(), row.get(3).trim());
            }
        }
        return m;
    }

    /** Modelled direct manufacturing costs (USD) by part group, in a fixed order; zero groups are omitted. */
    Map<String, Double> componentCosts(EpaVehicle v) {
        String type = v.powertrainType();
        Map<String, Double> vars = variables(v);
        Map<String, Double> out = new LinkedHashMap<>();
        boolean hasEngine = v.cylinders() > 0 && !"BEV".equals(type);
        if (hasEngine) {
            double engine = pt(type, "dollars_per_cylinder", vars) + pt(type, "dollars_per_liter", vars);
            String ccc = v.costCurveClass();
            if (ccc.contains("_GDI")) {
                engine += pt(type, "gdi", vars);
            }
            if (ccc.contains("_TDS12")) {
                engine += pt(type, "turb12", vars);
            } else if (ccc.contains("_TDS")) {
                engine += pt(type, "turb11", vars);
            }
            if (ccc.contains("_ATK")) {
                engine += pt(type, "atk2", vars);
            }
            if (ccc.contains("DEAC_D")) {
                engine += pt(type, "deac_pd", vars);
            } else if (ccc.contains("DEAC_C")) {
                engine += pt(type, "deac_fc", vars);
            }
            if (ccc.contains("CEGR")) {
                engine += pt(type, "cegr", vars);
            }
            add(out, "engine", engine);
            // exhaust aftertreatment (three-way catalyst and its platinum-group metals)
            add(out, "other", pt(type, "twc_substrate", vars) + pt(type, "twc_washcoat", vars)
                    + pt(type, "twc_canning", vars) + pt(type, "twc_pgm", vars));
            if (ccc.contains("_SS1")) {
                add(out, "electronics", pt(type, "start_stop", vars));
            }
            Matcher trx = TRX.matcher(ccc);
            if (trx.find()) {
                add(out, "transmission", pt(type, "ECVT".equals(trx.group(1)) ? "TRXCV" : "TRX" + trx.group(1), vars));
            }
        }
        boolean dual = v.costCurveClass().contains("AWD") && "BEV".equals(type);
        String n = dual ? "dual" : "single";
        if ("BEV".equals(type)) {
            // traction motors replace the engine; two motors of KW/2 each on dual-motor AWD
            double motors = dual ? 2 * pt(type, "motor_dual", vars) : pt(type, "motor_single", vars);
            add(out, "engine", motors);
            add(out, "transmission", ptq(type, "single_speed_gearbox_" + n, vars));
            add(out, "electronics", dual ? 2 * pt(type, "inverter_dual", vars) : pt(type, "inverter_single", vars));
            add(out, "axles", ptq(type, "additional_pair_of_half_shafts_" + n, vars));
        } else if ("HEV".equals(type) || "PHEV".equals(type)) {
            add(out, "electronics", pt(type, "motor_single", vars) + pt(type, "inverter_single", vars));
            if ("HEV".equals(type)) {
                add(out, "other", ptq(type, "brake_sensors_actuators", vars));
            }
        }
        if (v.electrified()) {
            add(out, "battery", pt(type, "battery", vars));
            add(out, "wiring", pt(type, "HV_orange_cables", vars));
            add(out, "electronics", pt(type, "OBC_and_DCDC_converter", vars) + ptq(type, "power_management_and_distribution", vars)
                    + ptq(type, "DC_fast_charge_circuitry", vars));
            add(out, "other", ptq(type, "charging_cord_kit", vars) + ptq(type, "powertrain_cooling_loop_" + n, vars));
        }
        add(out, "other", pt(type, "HVAC", vars) + pt(type, "LV_battery", vars));
        String drive = v.driveSystem().equals("4WD") ? "AWD" : v.driveSystem();
        add(out, "axles", pt("BEV".equals(type) ? "BEV" : "ICE", drive, vars));
        add(out, "body", structure(v, vars));
        return out;
    }

    private double structure(EpaVehicle v, Map<String, Double> vars) {
        String kind = v.unibody() ? "unibody_structure" : "ladder_structure";
        String material = v.structureMaterial().isEmpty() ? "steel" : v.structureMaterial();
        String expr = glider.get(v.bodyStyle() + "|" + kind + "|" + material);
        if (expr == null) {
            expr = glider.get(v.bodyStyle() + "|unibody_structure|steel");
        }
        if (expr == null) {
            throw new IllegalArgumentException("glider_cost.csv: no structure equation for " + v.bodyStyle());
        }
        return OmegaExpression.evaluate(expr, vars);
    }

    private Map<String, Double> variables(EpaVehicle v) {
        Map<String, Double> vars = new HashMap<>();
        double mk = SampleAssumptions.OMEGA_MARKUP_USED;
        for (String k : List.of("MARKUP_ICE", "MARKUP_BEV", "MARKUP_PHEV", "MARKUP_HEV", "MARKUP_ALL", "markup")) {
            vars.put(k, mk);
        }
        vars.put("CYL", (double) v.cylinders());
        vars.put("LITERS", v.liters());
        vars.put("KWH", Math.max(v.batteryKwh(), 0.01));
        vars.put("KW", v.emachineKw());
        vars.put("CURBWT", v.curbWeightLbs());
        vars.put("VEHICLE_SIZE_CLASS", SampleAssumptions.VEHICLE_SIZE_CLASS.getOrDefault(v.sizeClass(), 2.0));
        vars.put("structure_mass_lbs", v.curbWeightLbs() * SampleAssumptions.STRUCTURE_MASS_SHARE_OF_CURB_WEIGHT);
        Map<String, Double> none = Map.of();
        vars.put("TWC_SWEPT_VOLUME", OmegaExpression.evaluate(powertrain.get("ALL|twc_swept_volume"), none));
        vars.put("PT_GRAMS_PER_LITER_TWC", OmegaExpression.evaluate(powertrain.get("ALL|twc_pt_grams_per_liter"), none));
        vars.put("PD_GRAMS_PER_LITER_TWC", OmegaExpression.evaluate(powertrain.get("ALL|twc_pd_grams_per_liter"), none));
        vars.put("RH_GRAMS_PER_LITER_TWC", OmegaExpression.evaluate(powertrain.get("ALL|twc_rh_grams_per_liter"), none));
        vars.put("PT_USD_PER_OZ", OmegaExpression.evaluate(powertrain.get("ALL|pt_dollars_per_oz"), none));
        vars.put("PD_USD_PER_OZ", OmegaExpression.evaluate(powertrain.get("ALL|pd_dollars_per_oz"), none));
        vars.put("RH_USD_PER_OZ", OmegaExpression.evaluate(powertrain.get("ALL|rh_dollars_per_oz"), none));
        vars.put("OZ_PER_GRAM", OmegaExpression.evaluate(powertrain.get("ALL|troy_oz_per_gram"), none));
        String dcdc = powertrain.get(v.powertrainType() + "|DCDC_converter_kW");
        vars.put("OBC_AND_DCDC_CONVERTER_KW", SampleAssumptions.ONBOARD_CHARGER_KW
                + (dcdc == null ? 0 : OmegaExpression.evaluate(dcdc, none)));
        return vars;
    }

    /** An item of the vehicle's powertrain type, else of ALL; 0 when neither has it. */
    private double pt(String type, String item, Map<String, Double> vars) {
        String expr = powertrain.get(type + "|" + item);
        if (expr == null) {
            expr = powertrain.get("ALL|" + item);
        }
        return expr == null ? 0 : OmegaExpression.evaluate(expr, vars);
    }

    /** As {@link #pt} times the row's quantity column (blank = 1). */
    private double ptq(String type, String item, Map<String, Double> vars) {
        String q = quantity.getOrDefault(type + "|" + item, "");
        double n = q.isEmpty() ? 1 : Double.parseDouble(q);
        return n * pt(type, item, vars);
    }

    private static void add(Map<String, Double> out, String group, double amount) {
        if (amount > 0) {
            out.merge(group, amount, Double::sum);
        }
    }
}
