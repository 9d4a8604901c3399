package dev.keywarden.ui.app;


import dev.keywarden.core.audit.AuditEntry;
import dev.keywarden.core.csv.AuditCsv;
import dev.keywarden.ui.store.KeyRow;
import dev.keywarden.ui.audit.AuditTab;
import dev.keywarden.ui.allkeys.AllKeysTab;
import dev.keywarden.ui.bulk.BulkActions;
import dev.keywarden.ui.bulk.BulkContext;
import dev.keywarden.ui.common.CsvExport;
import dev.keywarden.ui.common.DialogService;
import dev.keywarden.ui.common.FxTaskRunner;
import dev.keywarden.ui.common.LazyTabs;
import dev.keywarden.ui.common.MessageBar;
import dev.keywarden.ui.common.Notices;
import dev.keywarden.ui.common.Problem;
import dev.keywarden.ui.common.SelectedTabContent;
import dev.keywarden.ui.common.UndoOffer;
import dev.keywarden.ui.connection.ConnectionsModel;
import dev.keywarden.ui.connection.HeaderBar;
import dev.keywarden.ui.connection.KeyWarningLabel;
import dev.keywarden.ui.connection.RenameOrganizationDialog;
import dev.keywarden.ui.connection.SandboxBanner;
import dev.keywarden.ui.keys.KeyActions;
import dev.keywarden.ui.keys.KeysPane;
import dev.keywarden.ui.keys.RotationActions;
import dev.keywarden.ui.leak.FilterPasteGuard;
import dev.keywarden.ui.leak.LeakFinderActions;
import dev.keywarden.ui.orgkeys.OrgKeysPane;
import dev.keywarden.ui.projects.ProjectActions;
import dev.keywarden.ui.projects.ProjectsPane;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The main window's content: header, sandbox banner, projects over keys, notifications, status bar. */
public final class MainView extends BorderPane {
    private final MainViewModel model;
    private final FxTaskRunner runner;
    private final ConnectionsModel connections;
    private final MessageBar messages = new MessageBar();
    private final ProjectsPane projectsPane;
    private final KeysPane keysPane;
    private final StatusLine status;
    private final SplitPane split;
    private OrgKeysPane orgKeysPane;
    private final TabPane views = new TabPane();
    private final ProjectActions projectActions;
    private final KeyActions keyActions;
    private final RotationActions rotations;
    private final Timeline tick = new Timeline();
    private final AllKeysTab allKeysTab;
    private final UndoOffer undo;
    private final BulkContext incident;
    private final LeakFinderActions leakFinder;
    private AuditTab auditTab; // set once in the constructor, after the audit export that reads it
    private final Consumer<List<AuditEntry>> exportAudit;
    private final DialogService dialogs;
    private final VBox top = new VBox();
    private Runnable quit = () -> { };

    /** @param staleDays the all-keys table's "unused for more than N days" thresholds */
    public MainView(MainViewModel model, FxTaskRunner runner, ConnectionsModel connections, DialogService dialogs,
                    List<Integer> staleDays) {
        this.model = model;
        this.runner = runner;
        this.connections = connections;
        this.dialogs = dialogs;
        getStyleClass().add("main-view");
        this.undo = new UndoOffer(model.projects().clock(),
                (text, undoIt) -> messages.offer(text, "Undo", undoIt, Duration.millis(UndoOffer.WINDOW.toMillis())));
        Notices notices = new Notices(messages::notice, messages::warn, undo, messages::markWarning);
        this.projectActions = new ProjectActions(model.session(), model.projectCommands(), dialogs, notices);
        this.keyActions = new KeyActions(model.session(), model.projects(), model.connectionKey(), model.keyCommands(), dialogs,
                notices, runner);
        // Rotate… (v2): Ctrl+Shift+R, the keys tables' menus and the Keys menu.
        this.rotations = new RotationActions(model.session(), model.rotations(), model.connectionKey(), dialogs, notices,
                model.problems(), model.projects().clock());
        keyActions.rotateWith(rotations);
        model.session().keyLifecycle().deliverWarningsOn(Platform::runLater);
        this.projectsPane = new ProjectsPane(model.projects(), model.session(), projectActions, keyActions::newKey);
        this.keysPane = new KeysPane(model.keys(), model.projects(), model.session(), keyActions);
        this.status = new StatusLine(model.projects(), runner, model.refusals());
        this.split = new SplitPane(projectsPane, keysPane);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.48);
        split.setId("mainSplit");
        Tab projectsTab = new Tab("Projects and their keys", split);
        projectsTab.setId("projectsTab");
        // Tabs other than the first are built when first shown (LazyTabs): the window opens sooner.
        Tab orgKeysTab = new Tab("Organisation keys");
        orgKeysTab.setId("orgKeysTab");
        LazyTabs.buildWhenFirstSelected(orgKeysTab, this::orgKeysPane);
        model.setProfileName(() -> connections.currentProperty().get() == null ? null : connections.currentProperty().get().name());
        this.incident = model.incident(notices, Platform::runLater);
        BulkActions bulk = new BulkActions(incident, dialogs);
        CsvExport export = new CsvExport(dialogs, runner, notices, model.problems());
        this.allKeysTab = new AllKeysTab(model.allKeys(), model.watch(), keyActions, export, bulk, model.session(), model.projects().clock(),
                staleDays);
        this.exportAudit = shown -> {
            Map<String, String> names = auditTab.model().projectNamesOf(shown);
            export.export("exportAuditDialog", "Export the audit trail as CSV", "audit.csv", shown.size(), "changes",
                    out -> AuditCsv.write(shown, names, out));
        };
        this.auditTab = new AuditTab(model.audit()::trail, runner, model.projects().clock(), exportAudit);
        auditTab.model().nameProjectsWith(id -> model.projects().find(id).map(row -> row.project().name()));
        this.leakFinder = new LeakFinderActions(incident, model.allKeys(), model.projects(), bulk, dialogs, runner, model.projects().clock());
        FilterPasteGuard.install(model.projects().filter().textProperty(), leakFinder, Platform::runLater);
        views.getTabs().setAll(projectsTab, orgKeysTab, allKeysTab, auditTab);
        views.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        views.setId("views");
        SelectedTabContent.install(views);
        VBox.setVgrow(views, Priority.ALWAYS);
        Runnable rename = () -> {
            var organization = model.session().organizationProperty().get();
            if (organization != null) {
                dialogs.show("renameOrganizationDialog",
                        () -> new RenameOrganizationDialog(organization, model.session()::renameOrganization));
            }
        };
        top.getChildren().setAll(new HeaderBar(model.session(), connections, rename), new SandboxBanner(connections));
        setTop(top);
        // Messages lie over the bottom of the tabs, as a notification does: showing or hiding one never moves the tables
        // under the pointer. Centred and at most 760 px wide, over the empty rows a table usually ends with.
        StackPane content = new StackPane(views, messages);
        StackPane.setAlignment(messages, Pos.BOTTOM_CENTER);
        StackPane.setMargin(messages, new Insets(0, 16, 12, 16));
        messages.setMaxSize(760, Region.USE_PREF_SIZE);
        setCenter(content);
        setBottom(status);
        // The drain watch: the connection's own key's sunset in the status bar, the countdown redrawn each round.
        status.getLeftItems().add(new KeyWarningLabel(model.session().keyLifecycle()));
        model.drains().ticksProperty().addListener((obs, before, now) -> refreshTables());
        model.setProblemSink(this::problem);
        // A load that succeeds takes away what an earlier one said went wrong; failed changes stay listed.
        model.projects().lastRefreshProperty().addListener((obs, before, now) -> {
            if (now != null) {
                messages.clearLoadProblem();
                status.clearProblem();
            }
        });
        model.session().apiProperty().addListener((obs, before, now) -> {
            if (before != null) {
                forgetThePreviousConnection();
            }
        });
        keepRelativeTimesFresh();
        leadOutOfTheFilter();
    }

    /**
     * From the filter, Enter goes to the first key it shows (Space then switches it), Down to the
     * projects: the keyboard flow from a pasted suffix to a switched-off key needs no Tab.
     */
    private void leadOutOfTheFilter() {
        projectsPane.filterField().addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER) {
                TableView<?> keys = keysPane.table();
                TableView<?> target = keys.getItems().isEmpty() ? projectsPane.table() : keys;
                target.requestFocus();
                if (target.getSelectionModel().getSelectedIndex() < 0 && !target.getItems().isEmpty()) {
                    target.getSelectionModel().selectFirst();
                }
                event.consume();
            } else if (event.getCode() == KeyCode.DOWN) {
                projectsPane.table().requestFocus();
                event.consume();
            }
        });
    }

    /** Shortcuts that work wherever the focus is. Most are the menu bar's ({@link MenuBarFactory}): these it does not show. */
    public void installAccelerators(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), this::refresh);
        // Undo of a deactivation works from anywhere while it is offered, a text box included: the filter would
        // otherwise take Ctrl+Z for its own text. When nothing is offered, a text box undoes its typing.
        KeyCodeCombination undoKey = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (undoKey.match(event) && undo.undo()) {
                event.consume();
            }
        });
    }

    /** Puts the menu bar (with the leak finder's and the key check's buttons) above the header. */
    void installMenuBar(ThemeModel theme) {
        top.getChildren().add(0, MenuBarFactory.topRow(this, theme));
    }

    void focusFilter() {
        showTab(0);
        projectsPane.filterField().requestFocus();
        projectsPane.filterField().selectAll();
    }

    void showTab(int index) {
        views.getSelectionModel().select(index);
    }

    /** Esc: stops the loads under way, else hides the message shown. */
    void escape() {
        if (runner.hasLoads()) {
            runner.cancelLoads();
        } else {
            messages.hideCurrent();
        }
    }

    void undo() {
        undo.undo();
    }

    void requestQuit() {
        quit.run();
    }

    void exportAudit() {
        exportAudit.accept(List.copyOf(auditTab.model().entries()));
    }

    /** The one key the shown tab has selected (All keys: only when one is), or null. */
    KeyRow selectedKey() {
        return switch (views.getSelectionModel().getSelectedIndex()) {
            case 0 -> keysPane.selected();
            case 1 -> orgKeysPane.table().getSelectionModel().getSelectedItem();
            case 2 -> allKeysTab.pane().selectedRows().size() == 1 ? allKeysTab.pane().selectedRows().get(0) : null;
            default -> null;
        };
    }

    /** The keys the shown tab has selected (All keys: every one selected), for Rotate…. */
    List<KeyRow> selectedKeys() {
        KeyRow one = selectedKey();
        return views.getSelectionModel().getSelectedIndex() == 2 ? List.copyOf(allKeysTab.pane().selectedRows())
                : one == null ? List.of() : List.of(one);
    }

    ProjectActions projectActions() {
        return projectActions;
    }

    DialogService dialogs() {
        return dialogs;
    }

    FxTaskRunner runner() {
        return runner;
    }

    KeyActions keyActions() {
        return keyActions;
    }

    public void refresh() {
        status.clearProblem();
        messages.hideCurrent();
        model.refresh();
        model.session().keyLifecycle().askAgainIfUnknown();
    }

    /** Nothing said or offered for the connection left stays: messages, Undo, the all-keys filters. */
    private void forgetThePreviousConnection() {
        messages.clearAll();
        status.clearProblem();
        undo.withdraw();
        allKeysTab.clearFilters();
    }

    /** Shows a failure over the bottom of the tables (never moving them) and in the status bar. */
    public void problem(Problem problem) {
        status.showProblem(problem.text());
        messages.show(problem);
    }

    public void problem(String message) {
        problem(Problem.plain(message));
    }

    /** "3 min ago" must not go stale while the window is open, nor the selected project's "last used". */
    private void keepRelativeTimesFresh() {
        tick.getKeyFrames().setAll(new KeyFrame(Duration.seconds(30), event -> {
            refreshTables();
            if (!runner.hasLoads()) {
                model.keys().reload();
                if (views.getSelectionModel().getSelectedIndex() == 1) {
                    model.orgKeys().reload();
                }
            }
        }));
        tick.setCycleCount(Timeline.INDEFINITE);
        tick.play();
    }

    private void refreshTables() {
        projectsPane.table().refresh();
        keysPane.table().refresh();
        if (orgKeysPane != null) {
            orgKeysPane.table().refresh();
        }
        allKeysTab.refreshTable();
    }

    /** What Ctrl+Q does: closes the window as its close button does (changes under way finish first). */
    void onQuit(Runnable quit) {
        this.quit = quit;
    }

    /**
     * The window is closing while changes are under way: nothing new can be started, bulk runs send nothing
     * more, the watch stops, and the message bar says how many changes are still finishing.
     */
    void finishing(javafx.beans.property.ReadOnlyIntegerProperty changes) {
        incident.cancelRuns();
        allKeysTab.watch().stop();
        views.setDisable(true);
        Runnable say = () -> messages.notice("Finishing " + changes.get() + (changes.get() == 1 ? " change\u2026" : " changes\u2026"));
        say.run();
        changes.addListener((obs, before, now) -> {
            if (now.intValue() > 0) {
                say.run();
            }
        });
    }

    /** Stops the periodic refresh when the window closes. */
    public void stop() {
        tick.stop();
        status.stop();
    }

    /** The organisation keys tab's content, built now if the tab was never shown. */
    public OrgKeysPane orgKeysPane() {
        if (orgKeysPane == null) {
            orgKeysPane = new OrgKeysPane(model.orgKeys(), model.session(), keyActions, model.projects().filter(),
                    model.projects().clock());
        }
        return orgKeysPane;
    }

    public AllKeysTab allKeysTab() {
        return allKeysTab;
    }

    public LeakFinderActions leakFinder() {
        return leakFinder;
    }

    public TabPane views() {
        return views;
    }

    public ProjectsPane projectsPane() {
        return projectsPane;
    }

    /** Rotate… and what follows it; the connection controller gives it the way to update the connection's own key. */
    public RotationActions rotations() {
        return rotations;
    }

    public KeysPane keysPane() {
        return keysPane;
    }

    public MessageBar messages() {
        return messages;
    }

    public SplitPane split() {
        return split;
    }

    public ConnectionsModel connections() {
        return connections;
    }
}
