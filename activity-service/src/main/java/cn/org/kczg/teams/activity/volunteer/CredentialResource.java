package cn.org.kczg.teams.activity.volunteer;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What anyone needs to verify a certificate's credential offline: the key, and which credentials are revoked. */
@Path("/api/v1/public/credentials")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Volunteers and certificates")
public class CredentialResource {
    @Inject
    SigningKey key;
    @Inject
    CertificateCredentials credentials;
    @Inject
    VolunteerService service;

    @GET
    @Path("/keys")
    @Operation(operationId = "getCredentialKeys", summary = "The credentials' signing key",
            description = "Anyone, without a token: the JWK Set (RFC 7517) of the platform's public key that signs "
                    + "certificate credentials (ES256); a credential's JWS header names its key by `kid`.")
    @APIResponse(responseCode = "200", description = "The JWK Set.")
    public Map<String, Object> keys() {
        return key.jwks();
    }

    @GET
    @Path("/status")
    @Operation(operationId = "getCredentialStatus", summary = "The credentials' revocation list",
            description = "Anyone, without a token: the 1EdTech revocation list every certificate credential's "
                    + "`credentialStatus` names — the ids (`urn:uuid:` of the certificate) of revoked credentials with "
                    + "when they were revoked — and `jws`, the same list (without `jws`) signed by the platform's key.")
    @APIResponse(responseCode = "200", description = "The revocation list.")
    public Map<String, Object> status() {
        return credentials.revocationList(service.revoked());
    }
}
