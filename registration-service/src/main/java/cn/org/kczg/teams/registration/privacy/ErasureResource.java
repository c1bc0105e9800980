package cn.org.kczg.teams.registration.privacy;

import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.kit.security.CurrentCaller;
import cn.org.kczg.teams.platform.security.Roles;
import cn.org.kczg.teams.registration.privacy.ErasureDtos.Receipt;
import cn.org.kczg.teams.registration.privacy.ErasureDtos.RequestErasure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/personal-data/erasures")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Personal data", description = "PIPL Art. 47: erasing a person from every service, with a receipt of "
        + "what each service erased.")
public class ErasureResource {
    @Inject
    ErasureService service;
    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "requestPersonalDataErasure", summary = "Erase a person's personal data",
            description = "Anonymises one person, named by the sub of their login or by a phone number or e-mail "
                    + "address they gave, in every service: names become 已删除, contacts are removed, their login "
                    + "id becomes a pseudonym so hours, counts and records stay. registration-service erases at once; "
                    + "the other services answer through events, and the receipt becomes COMPLETED when all have.")
    @APIResponse(responseCode = "202", description = "Accepted; the receipt so far, Location names where to follow it.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Receipt.class)),
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Neither or both of subject and contact, or a reason shorter "
            + "than 20 characters.")
    public Response request(@NotNull @Valid RequestErasure body) {
        Receipt receipt = service.request(caller.get(), body);
        return Response.accepted(receipt).location(URI.create("/api/v1/personal-data/erasures/" + receipt.id()))
                .build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Operation(operationId = "getPersonalDataErasure", summary = "Read an erasure's receipt",
            description = "Which services have answered and what each erased (entities, fields, row counts — never "
                    + "the values nor who the person was); COMPLETED once every service has answered.")
    @APIResponse(responseCode = "404", description = "No such erasure.")
    @APIResponse(responseCode = "200", description = "The receipt.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Receipt.class)))
    public Receipt get(@Parameter(description = "The erasure's id.") @PathParam("id") UUID id) {
        return service.find(id).orElseThrow(() -> ProblemException.notFound(Text.of("erasure.not-found", id)));
    }
}
