package com.emporium.platform.web;

import java.util.List;

import org.springframework.data.domain.Page;

/**
 * One page of a list, as every Emporium API returns it: the items and the totals a client needs to
 * page on ({@code page} counts from 0).
 *
 * @param <T> the item view
 */
public record PageView<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

	public static <T> PageView<T> of(Page<T> page) {
		return new PageView<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(),
				page.getTotalPages());
	}

}
