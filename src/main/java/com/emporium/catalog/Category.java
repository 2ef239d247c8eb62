package com.emporium.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A node of the category tree. Its path of ancestor ids lets a subtree be selected with one prefix. */
@Entity
@Table(name = "category")
public class Category {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private Category parent;

    @Column(nullable = false, unique = true)
    private String slug;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String path = "/";

    private int position;
    private boolean archived;

    @Version
    private long version;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    private Instant createdAt;

    protected Category() {}

    Category(String slug, String name, Category parent, int position) {
        this.slug = slug;
        this.name = name;
        this.parent = parent;
        this.position = position;
    }

    /** Called once the id is known: the path ends with the category's own id. */
    void assignPath() {
        path = (parent == null ? "/" : parent.path) + id + "/";
    }

    void rename(String newName, int newPosition) {
        this.name = newName;
        this.position = newPosition;
    }

    void archive() {
        this.archived = true;
    }

    public Long id() {
        return id;
    }

    public Category parent() {
        return parent;
    }

    public String slug() {
        return slug;
    }

    public String name() {
        return name;
    }

    public String path() {
        return path;
    }

    public int position() {
        return position;
    }

    public boolean archived() {
        return archived;
    }

    public long version() {
        return version;
    }
}
