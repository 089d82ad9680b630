package io.fineq.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One method's metrics on one tensor. {@code sqnr_db} is null when the error is exactly zero. */
@JsonPropertyOrder({"method", "bits_per_weight", "rel_mse", "sqnr_db", "rel_output_error"})
public record MethodResult(
        @JsonProperty("method") String method,
        @JsonProperty("bits_per_weight") double bitsPerWeight,
        @JsonProperty("rel_mse") double relMse,
        @JsonProperty("sqnr_db") Double sqnrDb,
        @JsonProperty("rel_output_error") double relOutputError) {

    static MethodResult of(String method, double bits, ErrorSums e) {
        double sqnr = e.sqnrDb();
        return new MethodResult(method, bits, e.relMse(), Double.isFinite(sqnr) ? sqnr : null, e.relOutputError());
    }
}
