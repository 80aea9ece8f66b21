package cn.mingjie.web.gazetteer;

import cn.mingjie.gazetteer.photo.Photo;
import cn.mingjie.gazetteer.photo.PhotoInfo;
import cn.mingjie.gazetteer.photo.PhotoOwner;
import cn.mingjie.gazetteer.photo.Photos;
import cn.mingjie.geocore.edit.ChangeContext;
import cn.mingjie.geocore.edit.ValidationException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Photos of signs and protection-list entries: multipart upload (NAME_EDITOR), listing and the image itself
 * (public, like the signs). The stored type is the one the bytes show, whatever the upload declared.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "地名保护与标志 Protection and signs")
public class PhotoController {

    private final Photos photos;

    public PhotoController(Photos photos) {
        this.photos = photos;
    }

    @GetMapping("/signs/{id}/photos")
    @Operation(summary = "标志照片列表 / the sign's photos")
    public List<PhotoInfo> signPhotos(@PathVariable long id) {
        return photos.list(PhotoOwner.sign(id));
    }

    @GetMapping("/protection-list/{id}/photos")
    @Operation(summary = "保护名录条目照片列表 / the entry's photos")
    public List<PhotoInfo> entryPhotos(@PathVariable long id) {
        return photos.list(PhotoOwner.entry(id));
    }

    @PostMapping(value = "/signs/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('NAME_EDITOR')")
    @Operation(summary = "上传标志照片（JPEG/PNG/WebP，≤5 MiB）/ upload a photo of the sign")
    public ResponseEntity<PhotoInfo> uploadSignPhoto(
            @PathVariable long id,
            @RequestPart(value = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String caption,
            @RequestParam(required = false) String reason,
            Principal user) {
        return created(photos.add(PhotoOwner.sign(id), bytes(file), caption, who(user, reason)));
    }

    @PostMapping(value = "/protection-list/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('NAME_EDITOR')")
    @Operation(summary = "上传保护名录条目照片 / upload a photo of the entry")
    public ResponseEntity<PhotoInfo> uploadEntryPhoto(
            @PathVariable long id,
            @RequestPart(value = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String caption,
            @RequestParam(required = false) String reason,
            Principal user) {
        return created(photos.add(PhotoOwner.entry(id), bytes(file), caption, who(user, reason)));
    }

    @GetMapping("/photos/{photoId}")
    @Operation(summary = "照片 / the image")
    public ResponseEntity<byte[]> photo(@PathVariable long photoId) {
        Photo p = photos.photo(photoId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(p.info().contentType()))
                .eTag("\"" + p.info().sha256() + "\"")
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)))
                .header("X-Content-Type-Options", "nosniff") // never let a browser guess another type
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"photo-" + photoId + "\"")
                .body(p.bytes());
    }

    @DeleteMapping("/photos/{photoId}")
    @PreAuthorize("hasRole('NAME_EDITOR')")
    @Operation(summary = "删除照片（须说明理由）/ remove a photo, with a reason")
    public ResponseEntity<Void> remove(@PathVariable long photoId, @RequestParam String reason, Principal user) {
        photos.remove(photoId, who(user, reason));
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<PhotoInfo> created(PhotoInfo p) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .header(HttpHeaders.LOCATION, "/api/v1/photos/" + p.photoId())
                .body(p);
    }

    private static byte[] bytes(MultipartFile file) {
        if (file == null) {
            throw ValidationException.of("file", "error.photo.empty");
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ChangeContext who(Principal user, String reason) {
        return new ChangeContext(user.getName(), reason);
    }
}
