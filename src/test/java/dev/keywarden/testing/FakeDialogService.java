package dev.keywarden.testing;

import dev.keywarden.ui.common.DialogService;
import javafx.scene.control.Dialog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Answers dialogs as a scripted admin would, without a window: confirmations by id, results of
 * dialogs that are waited for by id. Records what was asked and every secret shown.
 */
public final class FakeDialogService implements DialogService {
    private final Map<String, Boolean> confirmations = new HashMap<>();
    private final Map<String, Object> results = new HashMap<>();
    public final List<String> asked = new ArrayList<>();
    public final List<String> secretsShown = new ArrayList<>();

    public FakeDialogService answer(String id, boolean confirm) {
        confirmations.put(id, confirm);
        return this;
    }

    public FakeDialogService result(String id, Object result) {
        results.put(id, result);
        return this;
    }

    @Override
    public boolean confirm(String id, String title, String text) {
        asked.add(id + ": " + text);
        return confirmations.getOrDefault(id, false);
    }

    @Override
    public void showSecret(String heading, String rawValue) {
        secretsShown.add(rawValue);
    }

    @Override
    public void show(String id, Supplier<? extends Dialog<?>> dialog) {
        asked.add(id);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> Optional<R> showAndWait(String id, Supplier<? extends Dialog<R>> dialog) {
        asked.add(id);
        return Optional.ofNullable((R) results.get(id));
    }

    /** Answers a save-file question with the path given by {@link #result(String, Object)}, or cancels. */
    @Override
    public Optional<Path> chooseSaveFile(String id, String title, String fileName) {
        asked.add(id);
        return Optional.ofNullable((Path) results.get(id));
    }
}
