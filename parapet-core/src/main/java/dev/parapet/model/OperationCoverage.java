package dev.parapet.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How one operation of the surface was covered.
 *
 * @param method         upper case
 * @param path           its path template or raw path
 * @param source         where the scan learnt of it
 * @param testedBy       ids of the checks that tested it (sent it a probe, tested one of its inputs, or judged its
 *                       recorded answer), sorted
 * @param untested       why no check tested it, when none did
 * @param inputs         its input points
 * @param inputsTested   those every applicable check tested
 * @param untestedInputs the others, each {@code "<location> <name>: <reason>"}
 */
public record OperationCoverage(String method, String path, Endpoint.Source source, List<String> testedBy,
                                Optional<Untested> untested, int inputs, int inputsTested,
                                List<String> untestedInputs) {

    public OperationCoverage {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(source, "source");
        testedBy = List.copyOf(testedBy);
        untested = untested == null ? Optional.empty() : untested;
        untestedInputs = List.copyOf(untestedInputs);
    }

    public String display() {
        return method + " " + path;
    }

    public boolean tested() {
        return !testedBy.isEmpty();
    }
}
