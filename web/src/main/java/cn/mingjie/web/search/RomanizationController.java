package cn.mingjie.web.search;

import cn.mingjie.gazetteer.romanization.PlaceReadings;
import cn.mingjie.gazetteer.romanization.Romanization;
import cn.mingjie.geocore.edit.ChangeContext;
import cn.mingjie.geocore.edit.ValidationException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Standard romanization of place names and the office's reading dictionary. */
@RestController
@RequestMapping("/api/v1/romanization")
@Tag(name = "地名罗马字母拼写 Romanization")
public class RomanizationController {

    private final PlaceReadings readings;

    public RomanizationController(PlaceReadings readings) {
        this.readings = readings;
    }

    public record ReadingRequest(String pinyin, String note, String reason) {}

    @GetMapping
    @Operation(summary = "地名的汉语拼音拼写（GB/T 16159）/ romanize a place name")
    public Romanization romanize(@RequestParam(required = false) String name) {
        if (name == null || name.isBlank()) {
            throw ValidationException.of("name", "search.error.name.required");
        }
        if (name.length() > 100) {
            throw ValidationException.of("name", "search.error.q.long", 100);
        }
        return readings.romanizer().romanize(name);
    }

    @GetMapping("/readings")
    @Operation(summary = "本单位地名读音词典 / the office's place-name readings")
    public List<PlaceReadings.Entry> list() {
        return readings.list();
    }

    @PutMapping("/readings/{word}")
    @Operation(summary = "增改地名读音（如 长坪 zhang3 ping2）/ set the reading of a word")
    @PreAuthorize("hasAnyRole('NAME_EDITOR','ADMIN')")
    public PlaceReadings.Entry put(@PathVariable String word, @RequestBody ReadingRequest body, Principal user) {
        return readings.put(word, body.pinyin(), body.note(), new ChangeContext(user.getName(), body.reason()));
    }
}
