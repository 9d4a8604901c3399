package dev.keywarden.ui.keys;

import dev.keywarden.core.rotate.RotationResult;
import dev.keywarden.model.Rotation;
import dev.keywarden.ui.common.FormDialog;
import dev.keywarden.ui.common.KeyNames;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Rotate… one key: the grace period and the new lifetime, the plan in sentences as they are chosen, and OK off (with
 * the reason under the plan) while the server would refuse. Stays open with the refusal when the server refuses;
 * closes once the key was rotated (or it is not known), and the caller shows the new value once.
 */
public final class RotateKeyDialog extends FormDialog<RotationResult> {
    private final RotateKeyModel model;
    private final Function<Rotation, CompletionStage<RotationResult>> rotator;

    public RotateKeyDialog(RotateKeyModel model, Function<Rotation, CompletionStage<RotationResult>> rotator) {
        super("Rotate key " + KeyNames.label(model.row().key()), "Rotate");
        this.model = model;
        this.rotator = rotator;
        getDialogPane().setId("rotateKeyDialog");
        getDialogPane().setPrefWidth(760); // every choice whole on one line, in either theme's font
        String owner = model.row().isOrganizationKey() ? ", an organisation key"
                : " of \u201c" + dev.keywarden.core.PlainWords.shown(model.row().ownerLabel()) + "\u201d";
        Label heading = new Label("Rotate " + KeyNames.label(model.row().key()) + owner
                + ": it gets a new value, and the old one works on for the grace period.");
        heading.getStyleClass().add("dialog-heading");
        heading.setWrapText(true);
        heading.setMaxWidth(680);
        addWide(heading);

        ToggleGroup graces = new ToggleGroup();
        FlowPane graceChoices = new FlowPane(12, 4);
        for (RotateKeyModel.Grace grace : RotateKeyModel.Grace.values()) {
            RadioButton choice = radio(grace.label(), "grace" + grace.name(), graces, grace);
            graceChoices.getChildren().add(choice);
        }
        TextField customGrace = new TextField();
        customGrace.setId("customGrace");
        customGrace.setPrefColumnCount(6);
        customGrace.textProperty().bindBidirectional(model.customGraceProperty());
        customGrace.disableProperty().bind(model.graceProperty().isNotEqualTo(RotateKeyModel.Grace.CUSTOM));
        graceChoices.getChildren().add(customGrace);
        follow(graces, model.graceProperty());
        addRow("Old value keeps working", graceChoices);

        ToggleGroup lifetimes = new ToggleGroup();
        RadioButton keep = radio(RotateKeyModel.Lifetime.KEEP.label(), "lifetimeKEEP", lifetimes, RotateKeyModel.Lifetime.KEEP);
        RadioButton days = radio("Expires in", "lifetimeDAYS", lifetimes, RotateKeyModel.Lifetime.DAYS);
        TextField dayCount = new TextField();
        dayCount.setId("lifetimeDays");
        dayCount.setPrefColumnCount(5);
        dayCount.textProperty().bindBidirectional(model.daysProperty());
        dayCount.disableProperty().bind(model.lifetimeProperty().isNotEqualTo(RotateKeyModel.Lifetime.DAYS));
        RadioButton never = radio(RotateKeyModel.Lifetime.NEVER.label(), "lifetimeNEVER", lifetimes, RotateKeyModel.Lifetime.NEVER);
        follow(lifetimes, model.lifetimeProperty());
        FlowPane lifetimeChoices = new FlowPane(8, 4, keep, days, dayCount, new Label("days"), never);
        lifetimeChoices.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        addRow("New lifetime", lifetimeChoices);

        Label plan = new Label();
        plan.setId("rotationPlan");
        plan.setWrapText(true);
        plan.setMaxWidth(680);
        plan.textProperty().bind(model.planProperty());
        addWide(plan);
        Label problem = new Label();
        problem.setId("rotationRefusal");
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);
        problem.setMaxWidth(680);
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());
        addWide(problem);
        disableSubmitWhen(Bindings.createBooleanBinding(() -> model.rotation() == null, model.rotationProperty()));
    }

    private static RadioButton radio(String text, String id, ToggleGroup group, Object value) {
        RadioButton button = new RadioButton(text);
        button.setId(id);
        button.setToggleGroup(group);
        button.setUserData(value);
        return button;
    }

    /** The group selects the model's value and sets it when the admin picks another. */
    private static <T> void follow(ToggleGroup group, javafx.beans.property.ObjectProperty<T> value) {
        Runnable show = () -> group.getToggles().stream().filter(toggle -> toggle.getUserData() == value.get()).findFirst()
                .ifPresent(group::selectToggle);
        show.run();
        value.addListener((obs, before, now) -> show.run());
        group.selectedToggleProperty().addListener((obs, before, now) -> {
            if (now != null) {
                @SuppressWarnings("unchecked") // every toggle of the group carries a value of the property's type
                T chosen = (T) now.getUserData();
                value.set(chosen);
            }
        });
    }

    @Override
    protected CompletionStage<RotationResult> submit() {
        Rotation rotation = model.rotation();
        if (rotation == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(model.problemProperty().get()));
        }
        return rotator.apply(rotation).thenCompose(result -> {
            if (result == null) {
                return CompletableFuture.failedFuture(new IllegalArgumentException(
                        "Something else is under way for this key: wait for it, then try again."));
            }
            if (result.outcome() == RotationResult.Outcome.FAILED) {
                model.update();
                return CompletableFuture.failedFuture(new IllegalArgumentException(result.message()));
            }
            return CompletableFuture.completedFuture(result);
        });
    }
}
