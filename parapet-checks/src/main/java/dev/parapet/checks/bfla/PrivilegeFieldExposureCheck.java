package dev.parapet.checks.bfla;

import dev.parapet.checks.support.CheckData;
import java.util.function.Supplier;
import com.fasterxml.jackson.databind.JsonNode;
import dev.parapet.checks.support.Responses;
import dev.parapet.checks.support.Snippets;
import dev.parapet.checks.support.SpecResponses;
import dev.parapet.model.Category;
import dev.parapet.model.Confidence;
import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.spi.CheckOutcome;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Role and permission fields of other accounts in responses: a list of two or more records carrying {@code role},
 * {@code isAdmin}, {@code permissions} or {@code scopes} tells a caller who holds which privileges. MEDIUM/FIRM
 * when some record is privileged (an admin to target), LOW/FIRM otherwise. A single object (usually the caller's
 * own profile) is never reported: knowing one's own role is normal. Reads recorded answers. Stateless and
 * thread-safe.
 */
public final class PrivilegeFieldExposureCheck implements Check {

    private static final Supplier<PrivilegeFields> FIELDS = CheckData.once(() -> PrivilegeFields.load());
    /** Endpoints without a recorded answer fetched per scan. */
    private static final int MAX_FETCHES = 5;

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("privilege-field-exposure", Category.BFLA,
            "Roles and permissions of other accounts exposed",
            "Finds responses that list several accounts with their role, admin flag, permissions or scopes.",
            Severity.MEDIUM, List.of(200, 269), MAX_FETCHES, Set.of("bfla", "roles", "recon"),
            "Leave authorization attributes out of list and profile responses for other users (serialise through a "
                    + "DTO without `role`, `isAdmin`, `permissions`), and show them only on admin-only routes.");

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** Judges every recorded answer ({@link dev.parapet.checks.support.Responses#toExamine}). */
    @Override
    public boolean readsRecordedAnswers() {
        return true;
    }

    @Override
    public CheckOutcome run(CheckContext ctx) throws InterruptedException {
        List<Finding> findings = new ArrayList<>();
        for (Exchange e : Responses.toExamine(ctx, MAX_FETCHES)) {
            if (e.status() / 100 != 2 || ctx.inventory().apiDocuments().contains(e.request().uri())) {
                continue;
            }
            SpecResponses.json(e).flatMap(PrivilegeFieldExposureCheck::records).ifPresent(list -> {
                Set<String> fields = new TreeSet<>();
                List<String> privileged = new ArrayList<>();
                int withFields = 0;
                for (JsonNode record : list) {
                    withFields += collect(record, fields, privileged) ? 1 : 0;
                }
                if (withFields >= 2) {
                    findings.add(finding(e, withFields, fields, privileged));
                }
            });
        }
        return CheckOutcome.findings(findings);
    }

    /** How many records of {@code e}'s list answer carry a privilege field with a value; 0 when it is no list. */
    static int accountsWithPrivileges(Exchange e) {
        return SpecResponses.json(e).flatMap(PrivilegeFieldExposureCheck::records).map(list -> {
            int n = 0;
            for (JsonNode record : list) {
                n += collect(record, new TreeSet<>(), new ArrayList<>()) ? 1 : 0;
            }
            return n;
        }).orElse(0);
    }

    /** The array of objects a list answer holds (top level or its only array property). */
    private static java.util.Optional<JsonNode> records(JsonNode root) {
        JsonNode list = root.isArray() ? root : null;
        if (list == null) {
            List<JsonNode> arrays = new ArrayList<>();
            root.properties().forEach(p -> {
                if (p.getValue().isArray()) {
                    arrays.add(p.getValue());
                }
            });
            list = arrays.size() == 1 ? arrays.getFirst() : null;
        }
        return list != null && list.size() >= 2 && list.get(0).isObject() ? java.util.Optional.of(list)
                : java.util.Optional.empty();
    }

    /** Adds the record's privilege fields; returns whether it had any with a value. */
    private static boolean collect(JsonNode record, Set<String> fields, List<String> privileged) {
        boolean any = false;
        for (Iterator<String> it = record.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            JsonNode value = record.get(name);
            if (FIELDS.get().privilegeField(name) && !value.isNull() && !value.asText().equals("false")) {
                any = true;
                fields.add(name);
                String text = value.isArray() && !value.isEmpty() ? value.get(0).asText() : value.asText();
                if (FIELDS.get().privilegedValue().matcher(text).matches() && privileged.size() < 3) {
                    privileged.add(name + "=" + text);
                }
            }
        }
        return any;
    }

    private static Finding finding(Exchange e, int records, Set<String> fields, List<String> privileged) {
        boolean admins = !privileged.isEmpty();
        String path = e.request().uri().getRawPath();
        return Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(admins ? Severity.MEDIUM : Severity.LOW).confidence(Confidence.FIRM)
                .title("Response of GET " + path + " lists the " + String.join(", ", fields) + " of " + records
                        + " accounts")
                .evidence(Snippets.oneLine(records + " records carry " + fields + (admins ? "; privileged: "
                        + privileged : "") + "; " + Snippets.oneLine(e.body(), 120), Snippets.MAX_EVIDENCE))
                .exchange(e)
                .remediation(DESCRIPTOR.remediation())
                .references(DESCRIPTOR.references()).tags(DESCRIPTOR.tags())
                .build();
    }
}
