package dev.keywarden.ui.common;

import dev.keywarden.core.BackgroundCall;
import dev.keywarden.core.TaskRunner;
import dev.keywarden.ui.common.DialogService;
import dev.keywarden.ui.common.Notices;
import dev.keywarden.ui.common.ProblemReport;

import java.io.IOException;
import dev.keywarden.common.OwnerOnlyFiles;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Saves rows as CSV: asks where through the dialog service, writes off the FX thread, then says where
 * it went (or, in plain words, why not). What is written is the caller's: masked values only.
 */
public final class CsvExport {
    public static final String EXPORT_TAG = "incident.export";

    /** Writes the rows, taken on the FX thread before the write starts. */
    @FunctionalInterface
    public interface Rows {
        void writeTo(Writer out) throws IOException;
    }

    private final DialogService dialogs;
    private final TaskRunner runner;
    private final Notices notices;
    private final ProblemReport problems;

    public CsvExport(DialogService dialogs, TaskRunner runner, Notices notices, ProblemReport problems) {
        this.dialogs = dialogs;
        this.runner = runner;
        this.notices = notices;
        this.problems = problems;
    }

    /** @param count how many rows, for the notice */
    public void export(String dialogId, String title, String fileName, int count, String what, Rows rows) {
        Optional<Path> target = dialogs.chooseSaveFile(dialogId, title, fileName);
        target.ifPresent(path -> BackgroundCall.of("Exporting " + what, () -> {
                    // Owner-only (0600), like every file Keywarden writes: key names and suffixes are not for other users.
                    StringWriter out = new StringWriter();
                    rows.writeTo(out);
                    OwnerOnlyFiles.writeAtomically(path, out.toString().getBytes(StandardCharsets.UTF_8));
                    return path;
                })
                .tag(EXPORT_TAG)
                .onSuccess(written -> notices.show(count + " " + what + " exported to " + written + "."))
                .onFailure(error -> problems.report("Could not export " + what + " to " + path, error))
                .runWith(runner));
    }
}
