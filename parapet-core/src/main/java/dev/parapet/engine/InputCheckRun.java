package dev.parapet.engine;

import dev.parapet.model.CheckRun;
import dev.parapet.model.CheckStatus;
import dev.parapet.model.Finding;
import dev.parapet.model.Untested;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.spi.CheckOutcome;
import dev.parapet.spi.InputCheck;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One input check's whole run: its own work ({@link InputCheck#run}), then its planned points (see
 * {@link InputRunner}), and the verdict on how it ended: {@code completed} only when it tested every point it
 * applies to in this mode and confirmed every signal, {@code partial} (findings kept) when the budget or the time
 * left some untested, {@code not applicable} when it had nothing to test.
 */
final class InputCheckRun {

    /** The run record and the findings it made (not yet redacted or de-duplicated). */
    record Outcome(CheckRun run, List<Finding> findings) {
    }

    private InputCheckRun() {
    }

    static Outcome run(InputCheck<?> check, EngineCheckContext ctx, InputPlan.Allotment plan, CoverageLedger ledger,
                       int parallelism, ScanControl control) throws InterruptedException {
        CheckDescriptor d = check.descriptor();
        long t0 = System.nanoTime();
        Optional<String> notApplicable = check.notApplicable(ctx);
        if (notApplicable.isPresent()) {
            plan.points().forEach(p -> ledger.untested(d.id(), p, Untested.MODE));
            plan.excluded().forEach(x -> ledger.untested(d.id(), x.point(), x.reason()));
            return new Outcome(run(d, CheckStatus.NOT_APPLICABLE, notApplicable.get(), 0, ctx, t0, plan, 0),
                    List.of());
        }
        List<Finding> findings = new ArrayList<>();
        CheckOutcome own = check.run(ctx);
        if (own instanceof CheckOutcome.Errored(String reason, Throwable cause)) {
            return new Outcome(run(d, CheckStatus.ERRORED, reason, 0, ctx, t0, plan, 0), List.of());
        }
        if (own instanceof CheckOutcome.Findings(List<Finding> list)) {
            findings.addAll(list);
        }
        InputRunner.Result result = new InputRunner(ctx, ledger, parallelism).run(check, plan);
        findings.addAll(result.findings());
        int eligible = plan.eligible();
        int tested = result.tested();
        long overBudget = plan.excluded().stream().filter(x -> x.reason() == Untested.BUDGET).count();
        CheckStatus status;
        String reason;
        if (eligible == 0 && findings.isEmpty()) {
            status = CheckStatus.NOT_APPLICABLE;
            reason = plan.excluded().isEmpty() ? "no input point it applies to"
                    : "its " + plan.excluded().size() + " input point" + (plan.excluded().size() == 1 ? "" : "s")
                    + " cannot be tested in " + ctx.mode().id() + " mode ("
                    + plan.excluded().getFirst().reason().label() + ")";
        } else if (tested == eligible && result.unconfirmed() == 0) {
            status = CheckStatus.COMPLETED;
            reason = "";
        } else if (tested == 0 && findings.isEmpty() && control.isStopping()) {
            status = CheckStatus.INTERRUPTED;
            reason = control.reason().isEmpty() ? "interrupted" : control.reason();
        } else {
            status = CheckStatus.PARTIAL;
            List<String> why = new ArrayList<>();
            if (overBudget > 0) {
                why.add(overBudget + " over the request budget");
            }
            int cut = eligible - tested - (int) overBudget;
            if (cut > 0) {
                why.add(cut + " not tested (" + result.firstReason().map(Untested::label).orElse("time budget")
                        + (control.isStopping() && !control.reason().isEmpty() ? ": " + control.reason() : "") + ")");
            }
            if (result.unconfirmed() > 0) {
                why.add(result.unconfirmed() + " signal" + (result.unconfirmed() == 1 ? "" : "s") + " left unconfirmed");
            }
            if (!result.firstError().isEmpty()) {
                why.add("first error: " + result.firstError());
            }
            reason = "tested " + tested + " of " + eligible + " input points: " + String.join(", ", why);
        }
        return new Outcome(run(d, status, reason, findings.size(), ctx, t0, plan, tested), findings);
    }

    private static CheckRun run(CheckDescriptor d, CheckStatus status, String reason, int findings,
                                EngineCheckContext ctx, long t0, InputPlan.Allotment plan, int tested) {
        return new CheckRun(d.id(), d.category(), status, reason, findings, ctx.used(), ctx.refused(),
                Duration.ofNanos(System.nanoTime() - t0), ctx.budget().limit(), plan.eligible(), tested);
    }
}
