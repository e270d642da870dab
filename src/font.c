/* Fonts: Fontconfig limited to the files of one directory (FcConfigCreate and
 * FcConfigAppFontAddFile: no configuration file, no system font, no cache written anywhere),
 * each face read once into memory and shared by FreeType (for Cairo) and HarfBuzz (for shaping
 * and metrics); face choice as CSS Fonts 3 §5.2; the fallback chain of docs/fonts.md. */
#include "font.h"
#include "font-hb.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_MODULE_H
#include <hb-ot.h>

#include "buf.h"

/* The family of the documents' text, and the one an unknown font-family falls back to. */
#define MAIN_FAMILY "Noto Sans"

/* A font file larger than this is refused (MD_ELIMIT): Noto Sans CJK, the largest font a
 * brand might add, is 20 MB. */
#define MAX_FONT_FILE ((long long)64 * 1024 * 1024)

/* The files md_font_set_load requires (docs/fonts.md says what each is for). */
static const char *const needed_files[] = {
    "NotoSans-Regular.ttf",    "NotoSans-Italic.ttf",      "NotoSans-Bold.ttf",
    "NotoSans-BoldItalic.ttf", "NotoSerif-Regular.ttf",    "NotoSerif-Italic.ttf",
    "NotoSerif-Bold.ttf",      "NotoSerif-BoldItalic.ttf", "NotoSansArabic-Regular.ttf",
    "NotoSansArabic-Bold.ttf", "NotoSansMath-Regular.ttf", "NotoSansSymbols2-Regular.ttf",
    "Symbola_hint.ttf",
};

/* The fallback chain, in order: the main family (Latin, Greek, Cyrillic) for text set in
 * another family, Arabic, mathematical operators and arrows (≥ →), dingbats and symbols (✓),
 * and last Symbola for emoji and everything else. Symbola is monochrome: Cairo 1.16 crashes
 * on bitmap colour fonts such as Noto Color Emoji (docs/fonts.md). */
static const char *const fallback_families[] = {
    MAIN_FAMILY, "Noto Sans Arabic", "Noto Sans Math", "Noto Sans Symbols2", "Symbola",
};

/* XSL-FO and CSS generic families, and the short names our stylesheets use. */
static const struct {
    const char *generic;
    const char *family;
} generic_families[] = {
    {"sans-serif", MAIN_FAMILY},
    {"sans", MAIN_FAMILY},
    {"serif", "Noto Serif"},
};

struct md_font {
    unsigned long refs;
    FT_Library ft_lib; /* referenced: a library lives as long as its last face */
    FT_Face ft;
    hb_blob_t *blob; /* the file's bytes (mapped), read by the FreeType face too */
    hb_face_t *hb_face;
    hb_font_t *hb;
    md_sp hb_size; /* the scale hb is set to; 0 before first use */
    char *path;
    char *family;
    char *name;
    int weight;
    int is_italic;
    uint64_t has_latin1[4]; /* bit c: the face maps U+0000 + c (md_font_has without FreeType) */
};

struct md_font_set {
    char *dir;
    md_font **fonts; /* in the order of their file names */
    size_t fonts_len;
    md_font_set_cache cache; /* md_font_set_cache_of */
};

/* A font file found by Fontconfig, before it is loaded. */
typedef struct found {
    const char *file; /* borrowed from the Fontconfig pattern */
    int index;
    const char *family;
    const char *name;
    int weight;
    int is_italic;
} found;

/* A font file's bytes, mapped read-only: only the pages FreeType, HarfBuzz and Cairo read
 * are ever loaded, and none is copied (9 MB of fonts, most of them fallbacks that a
 * document touches little or not at all). */
typedef struct mapping {
    void *p;
    size_t len;
} mapping;

static void
free_bytes(void *p)
{
    mapping *m = p;
    if (m != NULL)
        munmap(m->p, m->len);
    md_free(m);
}

/* FreeType allocates through md_alloc too, so that the allocation tests reach its failure
 * paths. The FT_Memory is static: a library made with FT_New_Library and refcounted with
 * FT_Reference_Library is released by its last FT_Done_Library, which frees no FT_Memory. */
static void *
ft_alloc(FT_Memory memory, long size)
{
    (void)memory;
    return size > 0 ? md_alloc((size_t)size) : NULL;
}

static void
ft_free(FT_Memory memory, void *block)
{
    (void)memory;
    md_free(block);
}

static void *
ft_realloc(FT_Memory memory, long cur_size, long new_size, void *block)
{
    (void)memory;
    (void)cur_size;
    return new_size > 0 ? md_realloc(block, (size_t)new_size) : NULL;
}

static struct FT_MemoryRec_ ft_memory = {NULL, ft_alloc, ft_free, ft_realloc};

/* A FreeType library with the default modules and our allocator. */
static md_status
ft_library_new(FT_Library *out)
{
    FT_Library lib = NULL;
    FT_Error err = FT_New_Library(&ft_memory, &lib);
    if (err != 0)
        return err == FT_Err_Out_Of_Memory ? MD_ENOMEM : MD_EBUG;
    /* FT_Add_Default_Modules skips a module it has no memory for. These are the ones we need:
     * TrueType and CFF outlines, glyph names, hinting and rendering for Cairo; without another
     * (PCF, Type 1, …) loading goes on. */
    static const char *const needed[] = {"sfnt",     "truetype", "cff",    "psaux",
                                         "pshinter", "psnames",  "smooth", "autofitter"};
    FT_Add_Default_Modules(lib);
    for (size_t i = 0; i < sizeof needed / sizeof needed[0]; i++)
        if (FT_Get_Module(lib, needed[i]) == NULL) {
            FT_Done_Library(lib);
            return MD_ENOMEM;
        }
    FT_Set_Default_Properties(lib);
    *out = lib;
    return MD_OK;
}

/* Maps the file at path into memory; *out is released with free_bytes. */
static md_status
read_font_file(const char *path, md_diags *d, mapping **out)
{
    md_status st = MD_OK;
    mapping *data = NULL;
    FILE *fp = fopen(path, "rb");
    struct stat sb;
    if (fp == NULL || fstat(fileno(fp), &sb) != 0) {
        md_diag_add(d, MD_DIAG_ERROR, path, 0, 0, "cannot read font: %s", strerror(errno));
        st = MD_EIO;
        goto out;
    }
    if ((long long)sb.st_size > MAX_FONT_FILE) {
        md_diag_add(d, MD_DIAG_ERROR, path, 0, 0, "font file over %lld MiB; use a smaller font",
                    MAX_FONT_FILE / (1024 * 1024));
        st = MD_ELIMIT;
        goto out;
    }
    size_t len = (size_t)sb.st_size;
    data = md_alloc(sizeof *data);
    if (data == NULL) {
        st = MD_ENOMEM;
        goto out;
    }
    data->p = len > 0 ? mmap(NULL, len, PROT_READ, MAP_PRIVATE, fileno(fp), 0) : MAP_FAILED;
    if (data->p == MAP_FAILED) {
        md_diag_add(d, MD_DIAG_ERROR, path, 0, 0, "cannot read font: %s",
                    len == 0 ? "the file is empty; replace it" : strerror(errno));
        md_free(data);
        data = NULL;
        st = len == 0 ? MD_EINPUT : MD_EIO;
        goto out;
    }
    data->len = len;
    *out = data;
    data = NULL;
out:
    free_bytes(data);
    if (fp != NULL)
        fclose(fp);
    return st;
}

/* Loads one face: the file's bytes become an hb_blob that both the FreeType face and the
 * HarfBuzz face read. */
static md_status
font_open(FT_Library lib, const found *fd, md_diags *d, md_font **out)
{
    md_status st = MD_OK;
    mapping *m = NULL;
    md_font *f = md_alloc(sizeof *f);
    if (f == NULL)
        return MD_ENOMEM;
    f->refs = 1;
    f->weight = fd->weight;
    f->is_italic = fd->is_italic;
    f->path = md_strdup(fd->file);
    f->family = md_strdup(fd->family);
    f->name = md_strdup(fd->name);
    if (f->path == NULL || f->family == NULL || f->name == NULL) {
        st = MD_ENOMEM;
        goto out;
    }
    st = read_font_file(fd->file, d, &m);
    if (st != MD_OK)
        goto out;
    const unsigned char *data = m->p;
    size_t len = m->len;
    if (len > (size_t)MAX_FONT_FILE) {
        free_bytes(m);
        st = MD_EBUG;
        goto out;
    }
    /* hb_blob_create_or_fail calls free_bytes itself when it fails. */
    f->blob = hb_blob_create_or_fail((const char *)data, (unsigned)len, HB_MEMORY_MODE_READONLY, m,
                                     free_bytes);
    if (f->blob == NULL) {
        st = MD_ENOMEM;
        goto out;
    }
    FT_Reference_Library(lib);
    f->ft_lib = lib;
    FT_Error err = FT_New_Memory_Face(lib, data, (FT_Long)len, fd->index, &f->ft);
    if (err == FT_Err_Out_Of_Memory) {
        st = MD_ENOMEM;
        goto out;
    }
    if (err != 0) {
        f->ft = NULL;
        md_diag_add(d, MD_DIAG_ERROR, fd->file, 0, 0,
                    "FreeType cannot read this font (error %d); replace the file", err);
        st = MD_EINPUT;
        goto out;
    }
    f->hb_face = hb_face_create(f->blob, (unsigned)fd->index);
    if (f->hb_face == hb_face_get_empty()) {
        st = MD_ENOMEM;
        goto out;
    }
    f->hb = hb_font_create(f->hb_face);
    if (f->hb == hb_font_get_empty()) {
        st = MD_ENOMEM;
        goto out;
    }
    /* The OpenType functions: unhinted advances straight from hmtx, the same on every machine
     * (FreeType's would depend on its hinting). */
    hb_ot_font_set_funcs(f->hb);
    /* Swedish text is almost all Latin-1: md_font_has looks those up here, once per face. */
    for (uint32_t c = 0; c < 256; c++)
        if (FT_Get_Char_Index(f->ft, c) != 0)
            f->has_latin1[c / 64] |= (uint64_t)1 << (c % 64);
    *out = f;
    f = NULL;
out:
    md_font_drop(f);
    return st;
}

md_font *
md_font_keep(md_font *f)
{
    if (f != NULL)
        f->refs++;
    return f;
}

void
md_font_drop(md_font *f)
{
    if (f == NULL || --f->refs > 0)
        return;
    hb_font_destroy(f->hb);
    hb_face_destroy(f->hb_face);
    if (f->ft != NULL)
        FT_Done_Face(f->ft);
    /* After the FreeType face: it reads the blob's bytes until FT_Done_Face. */
    hb_blob_destroy(f->blob);
    if (f->ft_lib != NULL)
        FT_Done_Library(f->ft_lib);
    md_free(f->path);
    md_free(f->family);
    md_free(f->name);
    md_free(f);
}

static int
cmp_found(const void *a, const void *b)
{
    const found *x = a, *y = b;
    int c = strcmp(x->file, y->file);
    return c != 0 ? c : (x->index > y->index) - (x->index < y->index);
}

/* The base name of a path. */
static const char *
base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash != NULL ? slash + 1 : path;
}

/* Checks that dir is a directory holding every needed file; one error per missing file. */
static md_status
check_files(const char *dir, md_diags *d)
{
    md_status st = MD_OK;
    md_buf path = {0};
    struct stat sb;
    int is_found = stat(dir, &sb) == 0;
    if (!is_found || !S_ISDIR(sb.st_mode)) {
        md_diag_add(d, MD_DIAG_ERROR, dir, 0, 0,
                    "font directory not found (%s); run motesdok from the top of its tree",
                    is_found ? "not a directory" : strerror(errno));
        return MD_EIO;
    }
    for (size_t i = 0; i < sizeof needed_files / sizeof needed_files[0]; i++) {
        md_buf_clear(&path);
        if (md_buf_addf(&path, "%s/%s", dir, needed_files[i]) != MD_OK) {
            st = MD_ENOMEM;
            break;
        }
        if (stat(path.data, &sb) != 0 || !S_ISREG(sb.st_mode)) {
            md_diag_add(d, MD_DIAG_ERROR, path.data, 0, 0,
                        "font file missing; restore it (docs/fonts.md lists the fonts)");
            st = MD_EIO;
        }
    }
    md_buf_free(&path);
    return st;
}

/* Reads what Fontconfig knows of one pattern; 0 when the face is to be skipped (warned). */
static int
describe(FcPattern *p, md_diags *d, found *out)
{
    FcChar8 *file = NULL, *family = NULL, *name = NULL;
    int index = 0, slant = FC_SLANT_ROMAN;
    double weight = FC_WEIGHT_REGULAR;
    FcBool is_scalable = FcTrue, is_variable = FcFalse;
    if (FcPatternGetString(p, FC_FILE, 0, &file) != FcResultMatch ||
        FcPatternGetString(p, FC_FAMILY, 0, &family) != FcResultMatch)
        return 0;
    FcPatternGetInteger(p, FC_INDEX, 0, &index);
    FcPatternGetDouble(p, FC_WEIGHT, 0, &weight);
    FcPatternGetInteger(p, FC_SLANT, 0, &slant);
    FcPatternGetBool(p, FC_SCALABLE, 0, &is_scalable);
    FcPatternGetBool(p, FC_VARIABLE, 0, &is_variable);
    if (FcPatternGetString(p, FC_POSTSCRIPT_NAME, 0, &name) != FcResultMatch)
        name = family;
    if (!is_scalable) {
        /* Cairo 1.16's PDF surface crashes on bitmap-only faces (Noto Color Emoji). */
        md_diag_add(d, MD_DIAG_WARNING, (const char *)file, 0, 0,
                    "bitmap font skipped: Cairo cannot put it in a PDF");
        return 0;
    }
    if (is_variable || index < 0 || index > 0xFFFF) {
        md_diag_add(d, MD_DIAG_WARNING, (const char *)file, 0, 0,
                    "variable font skipped: use its static instances");
        return 0;
    }
    out->file = (const char *)file;
    out->index = index;
    out->family = (const char *)family;
    out->name = (const char *)name;
    out->weight = FcWeightToOpenType((int)(weight + 0.5));
    out->is_italic = slant != FC_SLANT_ROMAN;
    return 1;
}

static int
cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* True for the file names Fontconfig is given: TrueType, OpenType and collections. */
static int
is_font_name(const char *name)
{
    size_t n = strlen(name);
    return name[0] != '.' && n > 4 &&
           (strcasecmp(name + n - 4, ".ttf") == 0 || strcasecmp(name + n - 4, ".otf") == 0 ||
            strcasecmp(name + n - 4, ".ttc") == 0);
}

/* True when the pattern's file is directly in dir and has a font's name: Fontconfig's
 * folder scan also reads subfolders and every file it can. */
static int
in_font_dir(FcPattern *p, const char *dir)
{
    FcChar8 *file = NULL;
    size_t n = strlen(dir);
    if (FcPatternGetString(p, FC_FILE, 0, &file) != FcResultMatch ||
        strncmp((const char *)file, dir, n) != 0 || file[n] != '/')
        return 0;
    const char *name = (const char *)file + n + 1;
    return strchr(name, '/') == NULL && is_font_name(name);
}

/* --- Fontconfig's cache of the font folder -------------------------------------------------
 *
 * Reading the fonts' names, styles and character sets from the files costs Fontconfig about
 * 2 ms per process (FcFreeTypeQueryAll, 16 M instructions for the 13 files), a tenth of a
 * small document. Fontconfig's own directory cache saves that: the folder is added with
 * FcConfigAppFontAddDir and a <cachedir> of our own, CACHE_ROOT/fontconfig-FINGERPRINT, where
 * the fingerprint covers the folder's path, every font file's name, size and modification
 * time and Fontconfig's version. Fontconfig checks a cache only by the folder's modification
 * time, which a font replaced in place does not change; with the fingerprint in the cache's
 * own folder a changed file is a new folder, never a stale answer. CACHE_ROOT is
 * $MOTESDOK_FONT_CACHE, else $XDG_CACHE_HOME/motesdok, else $HOME/.cache/motesdok;
 * MOTESDOK_FONT_CACHE=off (or no usable folder) reads the files every time, as before. */

/* mkdir -p of path (made from parts that exist or can be made), mode 0700. 1 on success. */
static int
make_dirs(char *path)
{
    for (char *p = path + 1; *p != '\0'; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        int ok = mkdir(path, 0700) == 0 || errno == EEXIST;
        *p = '/';
        if (!ok)
            return 0;
    }
    return (mkdir(path, 0700) == 0 || errno == EEXIST) && access(path, W_OK | X_OK) == 0;
}

/* Appends s to b with &, < and > escaped for an XML text node. */
static md_status
add_xml_text(md_buf *b, const char *s)
{
    md_status st = MD_OK;
    for (; *s != '\0' && st == MD_OK; s++) {
        if (*s == '&')
            st = md_buf_adds(b, "&amp;");
        else if (*s == '<')
            st = md_buf_adds(b, "&lt;");
        else if (*s == '>')
            st = md_buf_adds(b, "&gt;");
        else
            st = md_buf_add(b, s, 1);
    }
    return st;
}

/* Adds the folder dir (absolute) to fc through Fontconfig's cache in a folder of our own;
 * names are its font files, sorted. 1 when Fontconfig has the folder's fonts; 0 when the
 * cache cannot be used (then nothing was added). */
static int
add_font_dir_cached(FcConfig *fc, const char *dir, char *const *names, size_t names_len)
{
    const char *root = getenv("MOTESDOK_FONT_CACHE"), *xdg = getenv("XDG_CACHE_HOME"),
               *home = getenv("HOME");
    if (root != NULL && strcmp(root, "off") == 0)
        return 0;
    md_buf path = {0}, conf = {0};
    md_status st = MD_OK;
    if (root != NULL && root[0] == '/')
        st = md_buf_adds(&path, root);
    else if (xdg != NULL && xdg[0] == '/')
        st = md_buf_addf(&path, "%s/motesdok", xdg);
    else if (home != NULL && home[0] == '/')
        st = md_buf_addf(&path, "%s/.cache/motesdok", home);
    else
        st = MD_EINPUT;
    /* What makes the folder's fonts, hashed. */
    md_buf fp = {0};
    if (st == MD_OK)
        st = md_buf_addf(&fp, "motesdok-fonts-1\n%s\n%d\n", dir, FcGetVersion());
    for (size_t i = 0; i < names_len && st == MD_OK; i++) {
        struct stat sb;
        md_buf file = {0};
        st = md_buf_addf(&file, "%s/%s", dir, names[i]);
        if (st == MD_OK && stat(file.data, &sb) != 0)
            st = MD_EIO;
        if (st == MD_OK)
            st = md_buf_addf(&fp, "%s %lld %lld.%09ld\n", names[i], (long long)sb.st_size,
                             (long long)sb.st_mtim.tv_sec, (long)sb.st_mtim.tv_nsec);
        md_buf_free(&file);
    }
    if (st == MD_OK)
        st = md_buf_addf(&path, "/fontconfig-%016llx",
                         (unsigned long long)md_hash64(0, fp.data, fp.len));
    int ok = st == MD_OK && make_dirs(path.data);
    if (ok) {
        /* Only the font files named: the folder's scan also reads subfolders and every file
         * it can, and this configuration is the one librsvg (Pango) draws SVG text with. */
        st = md_buf_adds(&conf, "<fontconfig><cachedir>");
        if (st == MD_OK)
            st = add_xml_text(&conf, path.data);
        if (st == MD_OK)
            st = md_buf_adds(&conf, "</cachedir><selectfont><rejectfont><glob>");
        if (st == MD_OK)
            st = add_xml_text(&conf, dir);
        if (st == MD_OK)
            st = md_buf_adds(&conf, "/*</glob></rejectfont><acceptfont>");
        for (size_t i = 0; i < names_len && st == MD_OK; i++) {
            st = md_buf_adds(&conf, "<glob>");
            if (st == MD_OK)
                st = add_xml_text(&conf, dir);
            if (st == MD_OK)
                st = md_buf_adds(&conf, "/");
            if (st == MD_OK)
                st = add_xml_text(&conf, names[i]);
            if (st == MD_OK)
                st = md_buf_adds(&conf, "</glob>");
        }
        if (st == MD_OK)
            st = md_buf_adds(&conf, "</acceptfont></selectfont></fontconfig>");
        ok = st == MD_OK &&
             FcConfigParseAndLoadFromMemory(fc, (const FcChar8 *)conf.data, FcFalse) &&
             FcConfigAppFontAddDir(fc, (const FcChar8 *)dir);
    }
    md_buf_free(&fp);
    md_buf_free(&path);
    md_buf_free(&conf);
    return ok;
}

/* True when Fontconfig has a pattern of the file dir/name. */
static int
has_file(FcConfig *fc, const char *dir, const char *name)
{
    FcFontSet *fs = FcConfigGetFonts(fc, FcSetApplication);
    size_t dir_len = strlen(dir);
    for (int i = 0; fs != NULL && i < fs->nfont; i++) {
        FcChar8 *file = NULL;
        if (FcPatternGetString(fs->fonts[i], FC_FILE, 0, &file) == FcResultMatch &&
            strncmp((const char *)file, dir, dir_len) == 0 && file[dir_len] == '/' &&
            strcmp((const char *)file + dir_len + 1, name) == 0)
            return 1;
    }
    return 0;
}

/* Gives Fontconfig every font file directly in dir, in the order of their names, and makes
 * s->dir absolute (the paths Fontconfig records are then absolute too): the whole folder
 * through Fontconfig's cache (above) when it can be used, else file by file
 * (FcConfigAppFontAddFile, which writes nothing). Either way a file Fontconfig cannot read
 * is an error naming it; only files directly in dir with a font's name are used
 * (in_font_dir). */
static md_status
add_font_files(FcConfig *fc, const char *dir, md_diags *d, md_font_set *s)
{
    md_status st = MD_OK;
    md_buf path = {0};
    char **names = NULL;
    size_t names_len = 0, names_cap = 0;
    DIR *dh = NULL;

    if (dir[0] != '/') {
        char cwd[4096];
        if (getcwd(cwd, sizeof cwd) == NULL) {
            md_diag_add(d, MD_DIAG_ERROR, dir, 0, 0, "cannot find the current directory: %s",
                        strerror(errno));
            st = MD_EIO;
            goto out;
        }
        st = md_buf_addf(&path, "%s/", cwd);
    }
    if (st == MD_OK)
        st = md_buf_adds(&path, dir);
    if (st != MD_OK)
        goto out;
    s->dir = md_buf_take(&path);
    if (s->dir == NULL) {
        st = MD_ENOMEM;
        goto out;
    }
    dh = opendir(dir);
    if (dh == NULL) {
        md_diag_add(d, MD_DIAG_ERROR, dir, 0, 0, "cannot read the font directory: %s",
                    strerror(errno));
        st = MD_EIO;
        goto out;
    }
    for (struct dirent *e = readdir(dh); e != NULL; e = readdir(dh)) {
        if (!is_font_name(e->d_name))
            continue;
        if (names_len == names_cap) {
            size_t cap = names_cap > 0 ? names_cap * 2 : 32;
            char **v = md_realloc_array(names, cap, sizeof *names);
            if (v == NULL) {
                st = MD_ENOMEM;
                goto out;
            }
            names = v;
            names_cap = cap;
        }
        names[names_len] = md_strdup(e->d_name);
        if (names[names_len] == NULL) {
            st = MD_ENOMEM;
            goto out;
        }
        names_len++;
    }
    /* readdir's order depends on the file system; ours on the names alone. */
    if (names_len > 0)
        qsort(names, names_len, sizeof *names, cmp_str);
    int is_cached = add_font_dir_cached(fc, s->dir, names, names_len);
    for (size_t i = 0; i < names_len; i++) {
        md_buf_clear(&path);
        if (md_buf_addf(&path, "%s/%s", s->dir, names[i]) != MD_OK) {
            st = MD_ENOMEM;
            goto out;
        }
        if (is_cached ? !has_file(fc, s->dir, names[i])
                      : !FcConfigAppFontAddFile(fc, (const FcChar8 *)path.data)) {
            md_diag_add(d, MD_DIAG_ERROR, path.data, 0, 0,
                        "not a font Fontconfig can read; replace or remove the file");
            st = MD_EINPUT;
        }
    }
out:
    if (dh != NULL)
        closedir(dh);
    for (size_t i = 0; i < names_len; i++)
        md_free(names[i]);
    md_free(names);
    md_buf_free(&path);
    return st;
}

md_status
md_font_set_load(const char *dir, md_diags *d, md_font_set **out)
{
    md_status st = MD_OK;
    md_font_set *s = NULL;
    FcConfig *fc = NULL;
    FT_Library lib = NULL;
    found *fds = NULL;
    size_t fds_len = 0;

    st = check_files(dir, d);
    if (st != MD_OK)
        goto out;
    s = md_alloc(sizeof *s);
    if (s == NULL) {
        st = MD_ENOMEM;
        goto out;
    }
    /* A configuration of our own: no fonts.conf is read, so there are no system fonts, no
     * substitution rules and no cache directory, and nothing is written anywhere. */
    fc = FcConfigCreate();
    if (fc == NULL) {
        st = MD_ENOMEM;
        goto out;
    }
    st = add_font_files(fc, dir, d, s);
    if (st != MD_OK)
        goto out;
    FcFontSet *fs = FcConfigGetFonts(fc, FcSetApplication);
    int nfont = fs != NULL ? fs->nfont : 0;
    fds = md_alloc_array(nfont > 0 ? (size_t)nfont : 1, sizeof *fds);
    if (fds == NULL) {
        st = MD_ENOMEM;
        goto out;
    }
    for (int i = 0; i < nfont; i++)
        if (in_font_dir(fs->fonts[i], s->dir) && describe(fs->fonts[i], d, &fds[fds_len]))
            fds_len++;
    qsort(fds, fds_len, sizeof *fds, cmp_found);

    st = ft_library_new(&lib);
    if (st != MD_OK)
        goto out;
    s->fonts = md_alloc_array(fds_len > 0 ? fds_len : 1, sizeof *s->fonts);
    if (s->fonts == NULL) {
        st = MD_ENOMEM;
        goto out;
    }
    /* Every file is tried, so that each unreadable one has its message. */
    for (size_t i = 0; i < fds_len && st != MD_ENOMEM; i++) {
        md_status st1 = font_open(lib, &fds[i], d, &s->fonts[s->fonts_len]);
        if (st1 == MD_OK)
            s->fonts_len++;
        else if (st == MD_OK || st1 == MD_ENOMEM)
            st = st1;
    }
    if (st != MD_OK)
        goto out;
    /* Every needed file must have become a face. */
    for (size_t i = 0; i < sizeof needed_files / sizeof needed_files[0]; i++) {
        size_t j = 0;
        while (j < s->fonts_len && strcmp(base_name(s->fonts[j]->path), needed_files[i]) != 0)
            j++;
        if (j == s->fonts_len) {
            md_diag_add(d, MD_DIAG_ERROR, needed_files[i], 0, 0,
                        "no usable face in this file (in %s); restore the file", dir);
            st = MD_EINPUT;
        }
    }
    if (st != MD_OK)
        goto out;
    /* Make this configuration Fontconfig's current one, so that librsvg (through Pango)
     * draws the text of SVG figures with these fonts too, never the machine's: the same
     * figure gives the same PDF on every machine. FcConfigSetCurrent takes a reference. */
    if (!FcConfigSetCurrent(fc)) {
        st = MD_ENOMEM;
        goto out;
    }
    *out = s;
    s = NULL;
out:
    md_free(fds);
    if (fc != NULL)
        FcConfigDestroy(fc);
    if (lib != NULL)
        FT_Done_Library(lib);
    md_font_set_free(s);
    return st;
}

void
md_font_set_free(md_font_set *s)
{
    if (s == NULL)
        return;
    if (s->cache.free != NULL)
        s->cache.free(s->cache.p);
    for (size_t i = 0; i < s->fonts_len; i++)
        md_font_drop(s->fonts[i]);
    md_free(s->fonts);
    md_free(s->dir);
    md_free(s);
}

md_font_set_cache *
md_font_set_cache_of(const md_font_set *s)
{
    /* The cache is not part of the set's value: a const set still caches. */
    return (md_font_set_cache *)&s->cache;
}

size_t
md_font_set_len(const md_font_set *s)
{
    return s->fonts_len;
}

md_font *
md_font_set_at(const md_font_set *s, size_t i)
{
    return i < s->fonts_len ? s->fonts[i] : NULL;
}

/* How far a face of weight w is from the wanted weight in the order CSS Fonts 3 §5.2 step 4
 * tries weights; lower is better. 400 wanted: 400, 500, then lighter, then heavier;
 * 500 wanted: 500, then 400 and lighter, then heavier; over 500: heavier first; under 400:
 * lighter first. */
static int
weight_rank(int want, int w)
{
    if (want >= 400 && want <= 500) {
        if (w >= want && w <= 500)
            return w - want;
        if (w < want)
            return 1000 + want - w;
        return 2000 + w - 500;
    }
    if (want < 400)
        return w <= want ? want - w : 1000 + w - want;
    return w >= want ? w - want : 1000 + want - w;
}

/* The face of family (case-insensitive) nearest to weight and style, or NULL. An italic
 * face beats any upright one when italic is wanted, and the reverse (§5.2 step 4). */
static md_font *
best_face(const md_font_set *s, const char *family, size_t family_len, int weight, int is_italic)
{
    md_font *best = NULL;
    int best_rank = 0;
    for (size_t i = 0; i < s->fonts_len; i++) {
        md_font *f = s->fonts[i];
        if (strlen(f->family) != family_len || strncasecmp(f->family, family, family_len) != 0)
            continue;
        int rank = weight_rank(weight, f->weight) + (f->is_italic != is_italic) * 10000;
        if (best == NULL || rank < best_rank) {
            best = f;
            best_rank = rank;
        }
    }
    return best;
}

md_status
md_font_lookup(md_font_set *s, const char *family, int weight, int is_italic, md_diags *d,
               md_font **out)
{
    md_font *f = NULL;
    if (s == NULL || weight < 1 || weight > 1000)
        return MD_EBUG;
    is_italic = is_italic != 0;
    /* font-family is a comma-separated list (XSL 1.1 §7.9.2): the first name we have wins. */
    const char *p = family != NULL ? family : "";
    int has_name = 0;
    while (f == NULL && *p != '\0') {
        size_t n = strcspn(p, ",");
        const char *name = p, *end = p + n;
        p = *end == ',' ? end + 1 : end;
        while (name < end && (*name == ' ' || *name == '\t' || *name == '\n'))
            name++;
        while (end > name && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\n'))
            end--;
        if (end - name >= 2 && (*name == '"' || *name == '\'') && end[-1] == *name) {
            name++;
            end--;
        }
        if (end == name)
            continue;
        has_name = 1;
        size_t len = (size_t)(end - name);
        for (size_t i = 0; i < sizeof generic_families / sizeof generic_families[0]; i++)
            if (strlen(generic_families[i].generic) == len &&
                strncasecmp(generic_families[i].generic, name, len) == 0) {
                name = generic_families[i].family;
                len = strlen(name);
                break;
            }
        f = best_face(s, name, len, weight, is_italic);
    }
    if (f == NULL) {
        f = best_face(s, MAIN_FAMILY, strlen(MAIN_FAMILY), weight, is_italic);
        if (f == NULL)
            return MD_EBUG;
        if (has_name && d != NULL)
            md_diag_add(d, MD_DIAG_WARNING, NULL, 0, 0,
                        "font-family \"%s\": no such font in %s; using %s", family, s->dir,
                        f->name);
    }
    *out = f;
    return MD_OK;
}

int
md_font_has(const md_font *f, uint32_t cp)
{
    if (cp < 256)
        return (f->has_latin1[cp / 64] >> (cp % 64)) & 1;
    return FT_Get_Char_Index(f->ft, cp) != 0;
}

md_font *
md_font_for(const md_font_set *s, md_font *f, uint32_t cp)
{
    if (s == NULL || md_font_has(f, cp))
        return f;
    for (size_t i = 0; i < sizeof fallback_families / sizeof fallback_families[0]; i++) {
        const char *fam = fallback_families[i];
        if (strcasecmp(fam, f->family) == 0)
            continue;
        md_font *g = best_face(s, fam, strlen(fam), f->weight, f->is_italic);
        if (g != NULL && md_font_has(g, cp))
            return g;
    }
    return f;
}

hb_font_t *
md_font_hb(md_font *f, md_sp size)
{
    if (f->hb_size != size) {
        hb_font_set_scale(f->hb, size, size);
        f->hb_size = size;
    }
    return f->hb;
}

FT_Face
md_font_ft(md_font *f)
{
    return f->ft;
}

/* One metric from HarfBuzz at the font's current scale (md_sp), synthesised when the font
 * lacks it (HarfBuzz ≥ 4.0). */
static md_sp
metric(hb_font_t *hb, hb_ot_metrics_tag_t tag)
{
    hb_position_t v = 0;
    hb_ot_metrics_get_position_with_fallback(hb, tag, &v);
    return v;
}

void
md_font_metrics_at(md_font *f, md_sp size, md_font_metrics *out)
{
    hb_font_t *hb = md_font_hb(f, size);
    hb_codepoint_t space = 0;
    out->ascender = metric(hb, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER);
    out->descender = -metric(hb, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER);
    out->line_gap = metric(hb, HB_OT_METRICS_TAG_HORIZONTAL_LINE_GAP);
    out->x_height = metric(hb, HB_OT_METRICS_TAG_X_HEIGHT);
    out->cap_height = metric(hb, HB_OT_METRICS_TAG_CAP_HEIGHT);
    out->underline_position = -metric(hb, HB_OT_METRICS_TAG_UNDERLINE_OFFSET);
    out->underline_thickness = metric(hb, HB_OT_METRICS_TAG_UNDERLINE_SIZE);
    out->strikeout_position = metric(hb, HB_OT_METRICS_TAG_STRIKEOUT_OFFSET);
    out->strikeout_thickness = metric(hb, HB_OT_METRICS_TAG_STRIKEOUT_SIZE);
    out->space_width =
        hb_font_get_nominal_glyph(hb, 0x20, &space) ? hb_font_get_glyph_h_advance(hb, space) : 0;
}

const char *
md_font_name(const md_font *f)
{
    return f->name;
}

const char *
md_font_family(const md_font *f)
{
    return f->family;
}

const char *
md_font_path(const md_font *f)
{
    return f->path;
}

int
md_font_weight(const md_font *f)
{
    return f->weight;
}

int
md_font_is_italic(const md_font *f)
{
    return f->is_italic;
}
