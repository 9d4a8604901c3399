package dev.keywarden.core.audit;

import dev.keywarden.model.Organization;

/** Where changes are made from: the connection profile's name and the organisation. */
public record AuditContext(String profileName, String organizationId, String organizationName) {

    public static AuditContext of(String profileName, Organization organization) {
        return new AuditContext(profileName, organization.id(), organization.name());
    }
}
