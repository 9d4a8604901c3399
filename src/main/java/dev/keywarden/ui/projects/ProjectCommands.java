package dev.keywarden.ui.projects;

import dev.keywarden.api.ApiException;
import dev.keywarden.api.ConfidentApi;
import dev.keywarden.api.NotFoundException;
import dev.keywarden.core.BackgroundCall;
import dev.keywarden.core.Generation;
import dev.keywarden.model.CreatedProject;
import dev.keywarden.model.NewProject;
import dev.keywarden.model.Project;
import dev.keywarden.model.ProjectChanges;
import dev.keywarden.ui.connection.ConnectionSession;

import java.util.concurrent.CompletionStage;

/**
 * Changes to projects. Each stage completes with the server's answer (also after a switch of
 * connection, so a dialog can close and a new key's raw value is still shown once); the projects
 * list follows only answers for the connection still open.
 */
public final class ProjectCommands {
    public static final String CREATE_TAG = "project.create";
    public static final String UPDATE_TAG = "project.update";
    public static final String DELETE_TAG = "project.delete";

    private final ConnectionSession session;
    private final ProjectsModel projects;

    public ProjectCommands(ConnectionSession session, ProjectsModel projects) {
        this.session = session;
        this.projects = projects;
    }

    /** A change whose answer was lost may have been made: the list is read again, so it shows what the server has. */
    private void readAgainIfLost(Throwable error, Generation.Token connection) {
        if (error != null && ApiException.outcomeUnknown(error) && connection.isCurrent()) {
            projects.refresh();
        }
    }

    public CompletionStage<CreatedProject> create(NewProject request) {
        ConfidentApi api = session.api();
        Generation.Token connection = session.token();
        return session.change(BackgroundCall.of("Creating project " + request.name(), () -> api.createProject(request)).tag(CREATE_TAG))
                .whenComplete((answer, error) -> readAgainIfLost(error, connection))
                .thenApply(created -> {
                    if (connection.isCurrent()) {
                        projects.added(created.project(), created.defaultKey());
                    }
                    return created;
                });
    }

    public CompletionStage<Project> update(ProjectRow row, ProjectChanges changes) {
        ConfidentApi api = session.api();
        Generation.Token connection = session.token();
        return session.change(BackgroundCall.of("Saving project " + row.project().name(), () -> api.updateProject(row.id(), changes)).tag(UPDATE_TAG))
                .whenComplete((answer, error) -> readAgainIfLost(error, connection))
                .thenApply(project -> {
                    if (connection.isCurrent()) {
                        projects.updated(row, project);
                    }
                    return project;
                });
    }

    /** Deletes a project and its keys. A 404 means it is gone already, which is what was asked. */
    public CompletionStage<Void> delete(ProjectRow row) {
        ConfidentApi api = session.api();
        Generation.Token connection = session.token();
        return session.change(BackgroundCall.ofAction("Deleting project " + row.project().name(), () -> {
                    try {
                        api.deleteProject(row.id());
                    } catch (NotFoundException alreadyGone) {
                        // Also what a retried DELETE sees when its first answer was lost.
                    }
                }).tag(DELETE_TAG))
                .whenComplete((answer, error) -> readAgainIfLost(error, connection))
                .thenRun(() -> {
                    if (connection.isCurrent()) {
                        projects.removed(row.id());
                    }
                });
    }
}
