package dev.origin.tools.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One row of OMEGA's vehicles.csv (line 1 is the template header, line 2 the column header). */
record EpaVehicle(int line, String name, String manufacturer, String regClass, String sizeClass,
                  String electrification, String costCurveClass, double sales, double msrp, String bodyStyle,
                  String structureMaterial, boolean unibody, String driveSystem, double curbWeightLbs,
                  double batteryKwh, double emachineKw, int cylinders, double liters) {

    /** electrification_class mapped to OMEGA's powertrain types: N → ICE, EV → BEV, HEV, PHEV. */
    String powertrainType() {
        switch (electrification) {
            case "EV":
            case "BEV":
                return "BEV";
            case "HEV":
            case "MHEV":
                return "HEV";
            case "PHEV":
                return "PHEV";
            default:
                return "ICE";
        }
    }

    boolean electrified() {
        return !"ICE".equals(powertrainType());
    }

    static List<EpaVehicle> read(Path vehiclesCsv) throws IOException {
        List<List<String>> rows = Csv.read(vehiclesCsv);
        if (rows.size() < 2 || !rows.get(0).get(0).startsWith("input_template_name")) {
            throw new IOException(vehiclesCsv + ": expected the OMEGA template header on line 1");
        }
        Map<String, Integer> col = new HashMap<>();
        List<String> header = rows.get(1);
        for (int i = 0; i < header.size(); i++) {
            col.put(header.get(i).trim(), i);
        }
        List<EpaVehicle> out = new ArrayList<>();
        for (int r = 2; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() < header.size() / 2 || cell(row, col, "vehicle_name").isBlank()) {
                continue;
            }
            int year = (int) num(row, col, "model_year", 0);
            if (year != SampleAssumptions.MODEL_YEAR) {
                continue;
            }
            double curb = num(row, col, "curbweight_lbs", 0);
            if (curb <= 0) {
                curb = num(row, col, "etw_lbs", 0) - SampleAssumptions.ETW_MINUS_CURB_WEIGHT_LBS;
            }
            out.add(new EpaVehicle(r + 1, cell(row, col, "vehicle_name").trim(), cell(row, col, "manufacturer_id").trim(),
                    cell(row, col, "reg_class_id").trim(), cell(row, col, "context_size_class").trim(),
                    cell(row, col, "electrification_class").trim(), cell(row, col, "cost_curve_class").trim(),
                    num(row, col, "sales", 0), num(row, col, "msrp_dollars", 0), cell(row, col, "body_style").trim(),
                    cell(row, col, "structure_material").trim(), num(row, col, "unibody_structure", 1) == 1,
                    cell(row, col, "drive_system").trim(), curb, num(row, col, "battery_gross_kwh", 0),
                    num(row, col, "total_emachine_kw", num(row, col, "tractive_motor_kw", 0)),
                    (int) num(row, col, "engine_cylinders", 0), num(row, col, "engine_displacement_liters", 0)));
        }
        return out;
    }

    private static String cell(List<String> row, Map<String, Integer> col, String name) {
        Integer i = col.get(name);
        if (i == null) {
            throw new IllegalArgumentException("vehicles.csv has no column " + name);
        }
        return i < row.size() ? row.get(i) : "";
    }

    private static double num(List<String> row, Map<String, Integer> col, String name, double dflt) {
        String s = cell(row, col, name).trim();
        if (s.isEmpty()) {
            return dflt;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return dflt;
        }
    }
}
