package nl.kennisagenda.image;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestPath;

/**
 * Serves uploaded images at /images/{id}-{hash}.{ext}. The hash is the start of the SHA-256 of the bytes, so one
 * address always means the same bytes: cached for a year, immutable. A wrong hash or extension is a 404, so old or
 * guessed addresses never show another image.
 */
@Path("/images")
public class ImageResource {

    @GET
    @Path("{id: [0-9]{1,18}}-{hash: [0-9a-f]{16}}.{ext: jpg|png}")
    @Operation(hidden = true)
    @Transactional(Transactional.TxType.SUPPORTS)
    public Response image(@RestPath long id, @RestPath String hash, @RestPath String ext) {
        StoredImage image = StoredImage.<StoredImage>findByIdOptional(id)
                .filter(found -> found.shortHash().equals(hash) && found.extension().equals(ext))
                .orElseThrow(NotFoundException::new);
        return Response.ok(image.data, image.contentType)
                .header("Cache-Control", "public, max-age=31536000, immutable")
                .header("ETag", "\"" + image.sha256 + "\"")
                .header("Content-Length", image.byteCount)
                .build();
    }
}
