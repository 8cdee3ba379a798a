package dev.origin.store;

import java.time.LocalDate;
import java.util.Map;

/** A determination to append to the ledger; the ledger adds its id, time and hashes (see {@link LedgerEntry}). */
public record NewDetermination(String partId, String regime, String packRevision, String packHash, Map<String, String> params,
                               String engineVersion, LocalDate asOf, String verdict, String inputsHash, String inputDocument,
                               String findings, String evidence, String reason) {
    public NewDetermination {
        params = Map.copyOf(params);
    }
}
