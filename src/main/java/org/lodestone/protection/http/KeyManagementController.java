package org.lodestone.protection.http;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.lodestone.protection.KeyRotation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators' key management: custody status, rotation of the key-encryption key (re-wraps data keys, content
 * untouched), retiring an old KEK. Every change is audited by {@link KeyRotation}. Guarded by
 * {@code KeyManagementApiTests} and {@code KeyManagementAuthorizationMatrixTests}.
 */
@RestController
@RequestMapping(path = "/api/v1/protection/keys", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Key management", description = "Encryption at rest: key status and rotation (role ADMIN)")
class KeyManagementController {

    private final KeyRotation rotation;

    KeyManagementController(KeyRotation rotation) {
        this.rotation = rotation;
    }

    @GetMapping
    @Operation(
            summary = "Key custody status",
            description = "The current key-encryption key, every KEK the provider holds, how many live data keys each"
                    + " wraps, and the last rotation. No key material.")
    KeyRotation.Status status() {
        return rotation.status();
    }

    @PostMapping("/rotation")
    @Operation(
            summary = "Rotate the key-encryption key",
            description = "Creates a new KEK version and re-wraps every data key under it in the background (documents"
                    + " and fields are not re-encrypted). Resumes the last rotation instead if it did not finish.")
    @ApiResponse(responseCode = "202", description = "The rotation, running")
    @ApiResponse(responseCode = "409", description = "A rotation is already running")
    ResponseEntity<KeyRotation.Run> rotate() {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .header("Location", "/api/v1/protection/keys/rotation")
                .body(rotation.start());
    }

    @GetMapping("/rotation")
    @Operation(summary = "The last rotation", description = "Progress of the running or last rotation.")
    @ApiResponse(responseCode = "404", description = "No rotation yet")
    KeyRotation.Run lastRotation() {
        KeyRotation.Run run = rotation.status().rotation();
        if (run == null) {
            throw new ErrorResponseException(
                    HttpStatus.NOT_FOUND,
                    ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no key rotation has been started"),
                    null);
        }
        return run;
    }

    @DeleteMapping("/{kekId}")
    @Operation(
            summary = "Retire an old key-encryption key",
            description = "Removes a KEK from the key provider once no data key is wrapped under it (after a rotation)."
                    + " Backups of the database older than the rotation then need the keystore backup of their time.")
    @ApiResponse(responseCode = "204", description = "Retired")
    @ApiResponse(responseCode = "409", description = "Current, or still wraps data keys")
    ResponseEntity<Void> retire(@PathVariable String kekId) {
        rotation.retire(kekId);
        return ResponseEntity.noContent().build();
    }
}
