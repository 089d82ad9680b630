package io.fineq.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/** The error report of one tensor: its shape, the activation set used, and one result per method. */
@JsonPropertyOrder({"tensor", "rows", "cols", "array_cols", "threshold", "tokens", "seed", "methods"})
public record TensorReport(
        @JsonProperty("tensor") String tensor,
        @JsonProperty("rows") int rows,
        @JsonProperty("cols") int cols,
        @JsonProperty("array_cols") int arrayCols,
        @JsonProperty("threshold") double threshold,
        @JsonProperty("tokens") int tokens,
        @JsonProperty("seed") long seed,
        @JsonProperty("methods") List<MethodResult> methods) {

    public MethodResult method(String name) {
        return methods.stream().filter(m -> m.method().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no method " + name));
    }
}
