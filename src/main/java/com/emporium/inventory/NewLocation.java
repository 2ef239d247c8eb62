package com.emporium.inventory;

import com.emporium.platform.validation.Slug;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stock location to create. Without a priority it is allocated from with priority 0, like "main". */
@Schema(examples = """
        {"code": "berlin-1", "name": "Berlin warehouse", "priority": 1}""")
public record NewLocation(
        @Slug @Size(max = 40) @NotBlank String code,
        @NotBlank @Size(max = 200) String name,
        Integer priority) {}
