/**
 * Gating without noise: which of a report's findings a gate should judge. A {@link dev.parapet.triage.Baseline}
 * names the fingerprints already known; {@link dev.parapet.triage.Suppressions} name accepted findings with a
 * reason and an expiry date. {@link dev.parapet.triage.Triage} applies both to a report without changing it: the
 * report still lists every finding, only the gate looks at fewer.
 */
package dev.parapet.triage;
