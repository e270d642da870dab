/* The HTML site: one page per meeting, an index by year, a calendar page and a page of every
 * uppdrag, made with xsl/html.xsl from every meeting in a folder, written atomically under
 * OUT/site/ with the PDFs, images, logo and stylesheet the pages link to. See docs/site.md. */
#ifndef MD_SITE_H
#define MD_SITE_H

#include "base.h"
#include "diag.h"

typedef struct md_site_opts {
    const char *root;     /* project folder holding xsl/ and xml/ ("." from the repository) */
    const char *meetings; /* folder of the meetings, "xml/meetings" */
    const char *schema;   /* RELAX NG schema the meetings are validated against */
    const char *out;      /* OUT: the meetings' PDFs are OUT/NAME/WHAT.pdf, pages go to OUT/site/ */
    const char *brand;    /* brand name, e.g. "orebro" */
    const char *build_date; /* "YYYY-MM-DD" (from SOURCE_DATE_EPOCH), or NULL: newest meeting */
    int has_feeds;          /* 1: the calendar page links kalender.ics and BODY.ics */
    int has_open_data;      /* 1: the pages link data/index.json */
    const char *program;    /* the running program's file (a newer one remakes every page), or
                               NULL */
} md_site_opts;

/* Builds the site from every NAME.xml in o->meetings, in name order. A meeting's page is made
 * again only when the meeting, its PDFs, a stylesheet, a brand file, the schema or the program
 * is newer than its record in OUT/.site-cache/NAME (the record holds its digest for the shared
 * pages), or its file's bytes changed; a shared page is made again only when the part of the
 * digests it shows, a param or a shared input changed. A meeting that does not
 * read, validate or transform is reported in d and left out; the others are still built, and
 * the status is then MD_EINPUT. MD_EIO when a file cannot be written, MD_ENOMEM. Every file is
 * written atomically (md_out_file); the same inputs give the same bytes. When done is not NULL
 * it is set to the number of meeting pages written. */
/* The NAME of every NAME.xml in dir, sorted (the one listing of an archive folder: the site,
 * the feeds, the open data, the kalendarium). A file whose name cannot be a folder of the site
 * or a meeting argument (letters, digits, '-', '_', '.'; no leading '.') is reported in d and
 * left out, and *bad is set. On MD_OK *out (*len names) is the caller's: md_free each name
 * and the array. MD_EIO when dir cannot be read, MD_ELIMIT over 100000 names, MD_ENOMEM. */
md_status md_site_list_meetings(const char *dir, md_diags *d, char ***out, size_t *len, int *bad);

md_status md_site_build(const md_site_opts *o, md_diags *d, size_t *done);

#endif
