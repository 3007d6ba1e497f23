package dev.parapet.checks.bola;

import dev.parapet.checks.CheckContractTest;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.spi.ApiOperation;
import dev.parapet.spi.ApiParameter;
import dev.parapet.spi.Check;
import dev.parapet.testkit.fixtures.SpecFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SpecUnprotectedObjectIdCheckTest extends CheckContractTest {

    @Override
    protected Check check() {
        return new SpecUnprotectedObjectIdCheck();
    }

    @Override
    protected LoopbackHttpServer startVulnerable() throws IOException {
        return SpecFixtures.driftingApi();
    }

    @Override
    protected LoopbackHttpServer startSafe() throws IOException {
        return SpecFixtures.faithfulApi();
    }

    @Test
    void reportsTheCustomerReadByIdWithItsParameter() throws IOException {
        try (LoopbackHttpServer server = startVulnerable()) {
            assertThat(scan(server).findings()).singleElement().satisfies(f -> {
                assertThat(f.title()).isEqualTo(
                        "Object operation GET /customers/{customerId} serves records without any security requirement");
                assertThat(f.parameter()).isEqualTo("customerId");
                // a customer record is somebody's data: not a public catalogue entry
                assertThat(f.severity()).isEqualTo(dev.parapet.model.Severity.MEDIUM);
                assertThat(f.confidence()).isEqualTo(dev.parapet.model.Confidence.FIRM);
            });
        }
    }

    @Test
    void recognisesIdParametersButNotWordsEndingInId() {
        assertThat(SpecUnprotectedObjectIdCheck.idParameter(op("orderId", ""))).isPresent();
        assertThat(SpecUnprotectedObjectIdCheck.idParameter(op("order_id", ""))).isPresent();
        assertThat(SpecUnprotectedObjectIdCheck.idParameter(op("ref", "uuid"))).isPresent();
        assertThat(SpecUnprotectedObjectIdCheck.idParameter(op("paid", ""))).isEmpty();
        assertThat(SpecUnprotectedObjectIdCheck.idParameter(op("slug", ""))).isEmpty();
    }

    private static ApiOperation op(String name, String format) {
        return new ApiOperation("GET", "/x/{" + name + "}", "", false,
                List.of(new ApiParameter("path", name, true, "string", format, "1")), false, Set.of(), Set.of(),
                List.of(), Optional.empty());
    }
}
