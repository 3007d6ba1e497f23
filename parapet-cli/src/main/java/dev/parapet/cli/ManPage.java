package dev.parapet.cli;

import dev.parapet.service.ParapetVersion;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.Locale;

/**
 * A manual page in roff ({@code man(7)} macros) for one picocli command: NAME, SYNOPSIS, DESCRIPTION, ARGUMENTS,
 * OPTIONS, COMMANDS (for {@code parapet} itself), EXIT STATUS and SEE ALSO. Text is escaped for roff (backslashes,
 * hyphens, lines that would start with a control character). Stateless.
 */
final class ManPage {

    private ManPage() {
    }

    static String of(CommandSpec spec) {
        String name = spec.qualifiedName(" ");
        String page = spec.qualifiedName("-");
        StringBuilder sb = new StringBuilder();
        sb.append(".TH ").append(page.toUpperCase(Locale.ROOT)).append(" 1 \"\" \"Parapet ")
                .append(ParapetVersion.get()).append("\" \"Parapet Manual\"\n");
        sb.append(".SH NAME\n").append(escape(page)).append(" \\- ")
                .append(escape(first(spec.usageMessage().description()))).append('\n');
        sb.append(".SH SYNOPSIS\n.B ").append(escape(name)).append('\n');
        if (!spec.options().isEmpty()) {
            sb.append("[\\fIOPTIONS\\fR]\n");
        }
        for (PositionalParamSpec p : spec.positionalParameters()) {
            sb.append(p.arity().min() == 0 ? "[" : "").append("\\fI").append(escape(p.paramLabel())).append("\\fR")
                    .append(p.arity().min() == 0 ? "]" : "").append('\n');
        }
        if (!spec.subcommands().isEmpty()) {
            sb.append("\\fICOMMAND\\fR\n");
        }
        sb.append(".SH DESCRIPTION\n");
        for (String line : spec.usageMessage().description()) {
            sb.append(escape(line)).append("\n.PP\n");
        }
        if (!spec.positionalParameters().isEmpty()) {
            sb.append(".SH ARGUMENTS\n");
            for (PositionalParamSpec p : spec.positionalParameters()) {
                sb.append(".TP\n\\fI").append(escape(p.paramLabel())).append("\\fR\n")
                        .append(escape(String.join(" ", p.description()))).append('\n');
            }
        }
        if (!spec.options().isEmpty()) {
            sb.append(".SH OPTIONS\n");
            for (OptionSpec o : spec.options()) {
                if (o.hidden()) {
                    continue;
                }
                sb.append(".TP\n\\fB").append(escape(String.join(", ", o.names()))).append("\\fR");
                if (o.typeInfo().isBoolean() && o.arity().max() == 0) {
                    sb.append('\n');
                } else {
                    sb.append(" \\fI").append(escape(o.paramLabel())).append("\\fR\n");
                }
                sb.append(escape(String.join(" ", o.description()))).append('\n');
            }
        }
        if (!spec.subcommands().isEmpty()) {
            sb.append(".SH COMMANDS\n");
            spec.subcommands().forEach((sub, cmd) -> sb.append(".TP\n\\fB").append(escape(sub)).append("\\fR\n")
                    .append(escape(first(cmd.getCommandSpec().usageMessage().description()))).append('\n'));
        }
        sb.append(".SH EXIT STATUS\n")
                .append(".TP\n0\npassed (or the command did its job)\n")
                .append(".TP\n1\nthe gate failed: a score under \\-\\-threshold or a finding at or above \\-\\-fail\\-on\n")
                .append(".TP\n2\nusage or configuration error\n")
                .append(".TP\n3\nthe scan could not be completed or graded\n");
        sb.append(".SH SEE ALSO\n");
        sb.append(spec.parent() == null ? "\\fBparapet\\-scan\\fR(1), \\fBparapet\\-demo\\fR(1)\n"
                : "\\fBparapet\\fR(1)\n");
        return sb.toString();
    }

    private static String first(String[] lines) {
        return lines.length == 0 ? "" : lines[0];
    }

    /** Text safe in a roff line: backslashes and hyphens escaped, no line starting with a control character. */
    static String escape(String text) {
        String s = text.replace("\\", "\\e").replace("-", "\\-").replace("%n", " ").replaceAll("\\s+", " ").strip();
        return s.startsWith(".") || s.startsWith("'") ? "\\&" + s : s;
    }
}
