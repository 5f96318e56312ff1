package com.emporium.product.catalog;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import com.emporium.product.Slugs;

/**
 * A partial change of a product (JSON merge patch): a missing field stays as it is; null removes
 * brand, description, compareAtPrice or categoryId (an empty brand or description does too); lists
 * and maps, when sent, replace what is stored. {@code version} (or an {@code If-Match} header) is the
 * version the caller read. A class, not a record: a record cannot tell a missing field from a null
 * one.
 */
class UpdateProductRequest {

	@Min(0)
	private @Nullable Long version;

	@Size(max = 200)
	@Pattern(regexp = ".*\\S.*", message = "must not be blank")
	private @Nullable String name;

	@Size(min = 2, max = 120)
	@Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
	private @Nullable String slug;

	@Size(max = 100)
	private @Nullable String brand;

	private boolean brandSent;

	@Size(max = 5000)
	private @Nullable String description;

	private boolean descriptionSent;

	@Valid
	private @Nullable Money price;

	@Valid
	private @Nullable Money compareAtPrice;

	private boolean compareAtPriceSent;

	private @Nullable UUID categoryId;

	private boolean categoryIdSent;

	@Size(max = 20)
	private @Nullable List<@NotBlank @Size(max = 40) @Pattern(regexp = "[^\\p{Cntrl}]*",
			message = "must not contain control characters") String> tags;

	@KeyValues(entries = 30, keyLength = 50, valueLength = 500)
	private @Nullable Map<String, String> attributes;

	@Size(max = 10)
	private @Nullable List<@NotNull @Valid ImageRequest> images;

	@Size(max = 100)
	private @Nullable List<@NotNull @Valid VariantRequest> variants;

	private @Nullable Boolean active;

	public void setVersion(@Nullable Long version) {
		this.version = version;
	}

	public void setName(@Nullable String name) {
		this.name = name;
	}

	public void setSlug(@Nullable String slug) {
		this.slug = slug;
	}

	public void setBrand(@Nullable String brand) {
		this.brand = brand;
		this.brandSent = true;
	}

	public void setDescription(@Nullable String description) {
		this.description = description;
		this.descriptionSent = true;
	}

	public void setPrice(@Nullable Money price) {
		this.price = price;
	}

	public void setCompareAtPrice(@Nullable Money compareAtPrice) {
		this.compareAtPrice = compareAtPrice;
		this.compareAtPriceSent = true;
	}

	public void setCategoryId(@Nullable UUID categoryId) {
		this.categoryId = categoryId;
		this.categoryIdSent = true;
	}

	public void setTags(@Nullable List<String> tags) {
		this.tags = tags;
	}

	public void setAttributes(@Nullable Map<String, String> attributes) {
		this.attributes = attributes;
	}

	public void setImages(@Nullable List<ImageRequest> images) {
		this.images = images;
	}

	public void setVariants(@Nullable List<VariantRequest> variants) {
		this.variants = variants;
	}

	public void setActive(@Nullable Boolean active) {
		this.active = active;
	}

	@Nullable Long version() {
		return this.version;
	}

	@Nullable String name() {
		return this.name;
	}

	@Nullable String slug() {
		return this.slug;
	}

	@Nullable String brand() {
		return this.brand;
	}

	boolean brandSent() {
		return this.brandSent;
	}

	@Nullable String description() {
		return this.description;
	}

	boolean descriptionSent() {
		return this.descriptionSent;
	}

	@Nullable Money price() {
		return this.price;
	}

	@Nullable Money compareAtPrice() {
		return this.compareAtPrice;
	}

	boolean compareAtPriceSent() {
		return this.compareAtPriceSent;
	}

	@Nullable UUID categoryId() {
		return this.categoryId;
	}

	boolean categoryIdSent() {
		return this.categoryIdSent;
	}

	@Nullable List<String> tags() {
		return this.tags;
	}

	@Nullable Map<String, String> attributes() {
		return this.attributes;
	}

	@Nullable List<ImageRequest> images() {
		return this.images;
	}

	@Nullable List<VariantRequest> variants() {
		return this.variants;
	}

	@Nullable Boolean active() {
		return this.active;
	}

}
