package dev.parapet.checks.propertyauthorization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.checks.propertyauthorization.MassAssignmentTargets.Property;
import dev.parapet.checks.support.CreatedObjects;
import dev.parapet.checks.support.Logins;
import dev.parapet.checks.support.Markers;
import dev.parapet.checks.support.ObjectWrite;
import dev.parapet.checks.support.WriteBodies;
import dev.parapet.model.Exchange;
import dev.parapet.model.Headers;
import dev.parapet.model.Untested;
import dev.parapet.spi.ApiOperation;
import dev.parapet.spi.ApiRequestBody;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.Identity;
import dev.parapet.spi.InputLocation;
import dev.parapet.spi.InputPoint;
import dev.parapet.spi.Operation;
import dev.parapet.spi.ValueShape;
import dev.parapet.spi.WriteTicket;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Mass assignment at creation ({@code POST /users} with {@code "role":"admin"}): the operation's body, made unique
 * with Parapet markers, is sent once as the baseline (it must be accepted and name the object it created); then
 * the same body with fresh markers and every privileged property added (at the top level and beside nested
 * identity fields; readOnly booleans of the schema too). A signal is an escalated value in the second answer that
 * the baseline's answer did not show. Every object created is recorded for the undo ledger, and an account is
 * logged in once so it can be read back and delete itself. Stateless.
 */
final class CreationProbe {

    /** Baseline, its login, the escalated create, its login, one retry with fewer fields. */
    static final int PROBES = 5;

    /** What a create showed: the escalated fields (pointer to property), the answers, the object and its ticket. */
    record Created(Map<String, Property> escalated, Exchange baseline, Exchange answer, CreatedObjects.Made made) {
    }

    private CreationProbe() {
    }

    static Optional<Created> screen(CheckContext ctx, InputPoint p, MassAssignmentTargets targets)
            throws InterruptedException {
        Operation op = p.operation();
        if (!ctx.mayDelete()) {
            ctx.untested(Untested.MODE, "creating objects on purpose needs --allow-delete, so they can be deleted");
            return Optional.empty();
        }
        List<InputPoint> inputs = ctx.inventory().surface().inputsOf(op);
        ObjectNode example = WriteBodies.example(op).orElseThrow();
        Markers m0 = Markers.fresh();
        Exchange baseline = ctx.probe(WriteBodies.request(op, op.uri(), m0.marked(example, inputs), Identity.PRIMARY));
        if (!baseline.answered() || baseline.status() / 100 != 2) {
            ctx.untested(Untested.BASELINE_REFUSED, op.display() + " -> " + ObjectWrite.status(baseline));
            return Optional.empty();
        }
        WriteTicket first = record(ctx, baseline, m0, inputs).ticket();
        try {
            if (CreatedObjects.locate(baseline, ctx.inventory()).isEmpty()) {
                ctx.untested(Untested.NO_READ_BACK, "the accepted create names no object (no Location, no id)");
                return Optional.empty();
            }
            Map<String, Property> sent = new LinkedHashMap<>();
            Markers m1 = Markers.fresh();
            ObjectNode body = escalated(m1.marked(example, inputs), op, inputs, targets, sent, false);
            Exchange answer = ctx.probe(WriteBodies.request(op, op.uri(), body, Identity.PRIMARY));
            if (answer.status() / 100 == 4) {
                // a strict schema may refuse unknown fields: try the ones the API itself documents
                sent.clear();
                body = escalated(m1.marked(example, inputs), op, inputs, targets, sent, true);
                if (sent.isEmpty()) {
                    return Optional.empty();
                }
                answer = ctx.probe(WriteBodies.request(op, op.uri(), body, Identity.PRIMARY));
            }
            if (answer.status() / 100 != 2) {
                return Optional.empty();
            }
            CreatedObjects.Made second = record(ctx, answer, m1, inputs);
            Map<String, Property> shown = shown(sent, baseline, answer);
            if (shown.isEmpty()) {
                ctx.undo(second.ticket());
                return Optional.empty();
            }
            return Optional.of(new Created(shown, baseline, answer, second));
        } finally {
            ctx.undo(first);
        }
    }

    /** Logs the new account in when the create made one (its body takes a password), then records it. */
    private static CreatedObjects.Made record(CheckContext ctx, Exchange answer, Markers m, List<InputPoint> inputs)
            throws InterruptedException {
        boolean account = inputs.stream().anyMatch(i -> i.location() == InputLocation.JSON
                && i.is(ValueShape.PASSWORD));
        Headers auth = account ? Logins.logIn(ctx, m).orElse(Headers.EMPTY) : Headers.EMPTY;
        return CreatedObjects.record(ctx, answer, Identity.PRIMARY, auth, m.text());
    }

    /**
     * {@code body} with every privileged property added where the object's identity fields sit, unless the body
     * already has it; {@code documentedOnly} keeps only the spellings the API describes (response schema,
     * readOnly fields). {@code sent} receives each pointer written and its property.
     */
    private static ObjectNode escalated(ObjectNode body, Operation op, List<InputPoint> inputs,
                                        MassAssignmentTargets targets, Map<String, Property> sent,
                                        boolean documentedOnly) {
        Set<String> parents = new LinkedHashSet<>(List.of(""));
        for (InputPoint i : inputs) {
            if (i.location() == InputLocation.JSON && (i.is(ValueShape.EMAIL) || i.is(ValueShape.USERNAME))) {
                parents.add(i.locator().substring(0, i.locator().lastIndexOf('/')));
            }
        }
        Set<String> documented = new LinkedHashSet<>(op.documented().map(ApiOperation::responseSchemaProperties)
                .orElse(Set.of()));
        List<String[]> spellings = new ArrayList<>();
        for (ApiRequestBody.Field f : WriteBodies.fields(op)) {
            if (f.readOnly()) {
                documented.add(WriteBodies.leaf(f.pointer()));
            }
        }
        for (Property prop : targets.properties()) {
            for (String s : prop.spellings()) {
                spellings.add(new String[]{s, prop.name()});
            }
        }
        for (String d : documented) {
            targets.property(d).ifPresent(prop -> spellings.add(new String[]{d, prop.name()}));
        }
        ObjectNode out = body.deepCopy();
        for (String parent : parents) {
            for (String[] s : spellings) {
                String pointer = parent + "/" + s[0];
                Property prop = targets.property(s[1]).orElseThrow();
                if ((documentedOnly && !documented.contains(s[0])) || WriteBodies.at(out, pointer).isPresent()) {
                    continue;
                }
                WriteBodies.set(out, pointer, prop.escalated());
                sent.put(pointer, prop);
            }
            for (ApiRequestBody.Field f : WriteBodies.fields(op)) {
                if (f.readOnly() && f.schemaType().equals("boolean") && f.pointer().startsWith(parent + "/")
                        && !sent.containsKey(f.pointer()) && targets.property(WriteBodies.leaf(f.pointer())).isEmpty()) {
                    WriteBodies.set(out, f.pointer(), BooleanNode.TRUE);
                    sent.put(f.pointer(), new Property(PropertyNames.normal(WriteBodies.leaf(f.pointer())),
                            List.of(), BooleanNode.TRUE, true));
                }
            }
        }
        return out;
    }

    /** The sent properties the escalated answer shows with their escalated value while the baseline did not. */
    private static Map<String, Property> shown(Map<String, Property> sent, Exchange baseline, Exchange answer) {
        Map<String, Property> out = new LinkedHashMap<>();
        Optional<ObjectNode> before = WriteBodies.answer(baseline);
        Optional<ObjectNode> after = WriteBodies.answer(answer);
        for (var e : sent.entrySet()) {
            JsonNode now = after.flatMap(a -> valueAt(a, e.getKey())).orElse(null);
            JsonNode was = before.flatMap(b -> valueAt(b, e.getKey())).orElse(null);
            if (e.getValue().escalatedIn(now) && !e.getValue().escalatedIn(was)) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** The value at {@code pointer}, or inside a one-level wrapper ({@code {"user":{…}}}, {@code {"data":{…}}}). */
    static Optional<JsonNode> valueAt(ObjectNode answer, String pointer) {
        Optional<JsonNode> direct = WriteBodies.at(answer, pointer);
        if (direct.isPresent()) {
            return direct;
        }
        for (JsonNode child : answer) {
            if (child instanceof ObjectNode inner) {
                Optional<JsonNode> v = WriteBodies.at(inner, pointer);
                if (v.isPresent()) {
                    return v;
                }
            }
        }
        return Optional.empty();
    }
}
