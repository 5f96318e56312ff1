package com.emporium.product.catalog;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface Products extends JpaRepository<Product, UUID> {

}
