# lede: small C filters that turn news articles into annotated JSON Lines.
VERSION = 0.1.0

PREFIX = /usr/local
BINDIR = $(PREFIX)/bin
MANDIR = $(PREFIX)/share/man
DATADIR = $(PREFIX)/share/lede
DESTDIR =

PKG_CONFIG ?= pkg-config
PKGS = yaml-0.1 libpcre2-8 libutf8proc zlib
PKG_CFLAGS != $(PKG_CONFIG) --cflags $(PKGS)
PKG_LIBS != $(PKG_CONFIG) --libs $(PKGS)

CC ?= cc
CFLAGS ?= -g -O2
# Warnings are always on; CI makes them errors with WERROR=-Werror.
WERROR =
override CFLAGS := -std=c11 -Wall -Wextra $(WERROR) -Wno-unused-parameter $(CFLAGS)
override CPPFLAGS := -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	-DPCRE2_CODE_UNIT_WIDTH=8 -DLEDE_VERSION='"$(VERSION)"' \
	-DLEDE_DATADIR='"$(DATADIR)"' -Icommon $(PKG_CFLAGS) $(CPPFLAGS)
LDLIBS = $(PKG_LIBS)

# Each program is cmd/NAME.c, plus its own modules cmd/NAME-*.c; each
# source is compiled to its own object and each program linked from its
# objects and common/libcommon.a.
PROGS = split tag-entities extract-dates extract-quotes dedupe report pick
BINS = $(patsubst cmd/%.c,bin/lede-%,$(wildcard $(PROGS:%=cmd/%.c)))
COMMON_SRC = $(wildcard common/*.c)
COMMON_OBJ = $(COMMON_SRC:.c=.o)
COMMON_HDR = $(wildcard common/*.h)
MAN1 = $(wildcard man/*.1)
MAN7 = $(wildcard man/*.7)
CTESTS = $(patsubst %.c,%,$(wildcard tests/c/*.c))
# lede-report's style sheet and script, built into the program.
REPORT_ASSETS = cmd/report-page.css cmd/report-page.js
GENERATED = cmd/report-assets.h

all: $(BINS)

common/libcommon.a: $(COMMON_OBJ)
	rm -f $@
	$(AR) rcs $@ $(COMMON_OBJ)

common/%.o: common/%.c $(COMMON_HDR)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

cmd/%.o: cmd/%.c $(COMMON_HDR)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

cmd/report-assets.h: scripts/embed $(REPORT_ASSETS)
	sh scripts/embed css=cmd/report-page.css js=cmd/report-page.js > $@.tmp
	mv -f $@.tmp $@

# NAME's objects, which depend on its headers, and its link.
define PROG_RULES
$(1)_OBJ = cmd/$(1).o $$(patsubst %.c,%.o,$$(wildcard cmd/$(1)-*.c))
$$($(1)_OBJ): $$(wildcard cmd/$(1)-*.h)
bin/lede-$(1): $$($(1)_OBJ) common/libcommon.a
	@mkdir -p bin
	$$(CC) $$(CFLAGS) $$(LDFLAGS) -o $$@ $$($(1)_OBJ) common/libcommon.a $$(LDLIBS)
endef
$(foreach p,$(PROGS),$(eval $(call PROG_RULES,$(p))))
cmd/report-page.o: cmd/report-assets.h

tests/c/%: tests/c/%.c tests/c/tap.h common/libcommon.a $(COMMON_HDR)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< common/libcommon.a $(LDLIBS) $(shell $(PKG_CONFIG) --libs jansson 2>/dev/null)

check: all $(CTESTS)
	LC_ALL=C PATH="$(CURDIR)/bin:$$PATH" prove -v -j2 tests/

lint:
	mandoc -T lint -W warning $(MAN1) $(MAN7)

eval: all
	@sh scripts/eval

bench: all
	@sh scripts/bench

bench-scale: all
	@sh scripts/bench-scale

bench-peers: all
	@sh scripts/bench-peers

bench-linear: all
	@st=0; sh scripts/bench-linear || st=1; sh scripts/bench-linear-quotes || st=1; sh scripts/attack-time || st=1; exit $$st

fuzz:
	@sh scripts/fuzz $(FUZZTIME)

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man7 $(DESTDIR)$(DATADIR)
	install -m0755 $(BINS) scripts/lede-batch $(DESTDIR)$(BINDIR)
	install -m0644 scripts/lede-batch-job $(DESTDIR)$(BINDIR)
	install -m0644 $(MAN1) $(DESTDIR)$(MANDIR)/man1
	install -m0644 $(MAN7) $(DESTDIR)$(MANDIR)/man7
	cd data && find . -type d -exec install -d $(DESTDIR)$(DATADIR)/{} \; \
		&& find . -type f -exec install -m0644 {} $(DESTDIR)$(DATADIR)/{} \;

uninstall:
	rm -f $(PROGS:%=$(DESTDIR)$(BINDIR)/lede-%) $(DESTDIR)$(BINDIR)/lede-batch \
		$(DESTDIR)$(BINDIR)/lede-batch-job
	rm -f $(MAN1:man/%=$(DESTDIR)$(MANDIR)/man1/%) $(MAN7:man/%=$(DESTDIR)$(MANDIR)/man7/%)
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf bin common/*.o common/libcommon.a cmd/*.o $(GENERATED) $(CTESTS) tests/fuzz/bin

help:
	@echo 'make            build bin/lede-* (CFLAGS, CPPFLAGS, LDFLAGS; WERROR=-Werror as in CI)'
	@echo 'make example    run the pipeline over examples/articles, a few lines'
	@echo 'make check      build and run the tests (TAP, prove)'
	@echo 'make lint       lint the man pages with mandoc'
	@echo 'make eval       score the programs against ../shared/eval'
	@echo 'make bench      throughput of each program, next to cat'
	@echo 'make bench-scale  the 1 GB pipeline through lede-batch -j 1 and -j 2, a million files'
	@echo 'make bench-peers  lede against sbd, chrono-node and compromise (npm), speed and quality'
	@echo 'make bench-linear  every program on hostile inputs of 2 MB and of 8 MB: linear or not'
	@echo 'make fuzz       run the libFuzzer targets (FUZZTIME=seconds each)'
	@echo 'make install    install under PREFIX ($(PREFIX)), DESTDIR for staging'
	@echo 'make uninstall  remove what install put there'
	@echo 'make clean      remove what the build made'
	@echo 'make help       this list'

.PHONY: all check lint eval bench bench-scale bench-peers bench-linear fuzz install uninstall clean help example

# The default pipeline over the bundled example articles through
# lede-batch, a few lines of its output.
example: all
	@out=$$(mktemp -d) && scripts/lede-batch -o "$$out" examples/articles && \
	jq -c '{doc: (.doc | split("/") | last), n, text: .text[0:50], entities: [.entities[]?.id], dates: [.dates[]?.value], quotes: [.quotes[]? | {speaker, verb}]}' \
	    "$$out"/shard-*.jsonl | head -n 12; rm -rf "$$out"
