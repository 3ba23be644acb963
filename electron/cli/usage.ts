/**
 * Each command's usage, in one place: `stancebook help` lists them without loading any command
 * (a command's module pulls in the core and its document libraries), and each command quotes its
 * own in its error messages.
 */
export const USAGE = {
  init: 'stancebook init [--sample] DIR    create a notebook (with the sample article and claims)',
  import: 'stancebook import FILE|FOLDER... [--map text=COL,title=COL,…] [--data DIR]    add articles; one result line per file (per row for a CSV)',
  list: [
    'stancebook list [articles] [--json] [--data DIR]    the library: id, date, claims, title',
    '  stancebook list briefs [--json] [--data DIR]    the briefs: id, last edited, citations, title',
  ].join('\n'),
  export: [
    'stancebook export brief --article ID|--brief ID --format md|html|pdf|docx --out FILE [--force] [--data DIR]    annotated brief of one article, or a brief written in the app',
    '  stancebook export article --article ID --format html|pdf|docx|md --out FILE [--force] [--data DIR]    the article with its claims highlighted',
    '  stancebook export annotations [--article ID] --format w3c|csv|qdpx --out FILE [--force] [--data DIR]    claims as W3C Web Annotations, CSV or REFI-QDA',
    '  stancebook export codebook --format json|qdc --out FILE [--force] [--data DIR]    the codebook as JSON or REFI-QDA',
    '  stancebook export network --type congruence|conflict|subtract|twomode --format graphml|csv|matrix|dl [--from DATE] [--to DATE] [--normalization none|average|jaccard|cosine] [--duplicates include|article|day] [--roll-up parent|top] [--kind K,…] [--country C,…] [--affiliation A,…] --out FILE [--force] [--data DIR]    who agrees with whom, for Gephi, visone or UCINET',
    '  stancebook export registry --out FILE.csv [--force] [--data DIR]    the actor registry: names, aliases, kind, country, affiliation, parent, Wikidata id, notes',
  ].join('\n'),
  'import-annotations': 'stancebook import-annotations FILE [--data DIR]    add claims from a W3C Web Annotation file (JSON-LD)',
  'import-registry':
    'stancebook import-registry FILE.csv [--dry-run] [--data DIR]    add and update actors from a registry CSV (matched by name or alias); a bad row refuses the file',
  archive: 'stancebook archive --out FILE [--force] [--data DIR]    the whole notebook as one zip, for backup or moving',
  restore: 'stancebook restore FILE DIR    a notebook archive into a new notebook in DIR (which must be empty or new)',
  backups: 'stancebook backups [list | now | restore NAME] [--data DIR]    rolling backups: list them, take one, or restore one',
  trash: 'stancebook trash [list | restore ID | empty] [--data DIR]    deleted articles, claims and briefs',
  serve: 'stancebook serve [--port N] [--data DIR]    browser mode: the app on 127.0.0.1 (a new data folder starts with the sample)',
  sync: [
    'stancebook sync [--remote URL] [--data DIR]    share the notebook through Git: commit, fetch, merge record by record, push (token from STANCEBOOK_GIT_TOKEN, user name from STANCEBOOK_GIT_USERNAME, default "token")',
    '  stancebook sync conflicts [--json] [--data DIR]    the conflicts syncs found, both sides of each',
    "  stancebook sync resolve ID ours|theirs [--data DIR]    keep this copy's value or take the other side's",
  ].join('\n'),
  suggest:
    'stancebook suggest FILE... [--json] | suggest --article ID [--json] [--data DIR]    attributions found in UTF-8 text files (no notebook needed) or a stored article',
  coder:
    'stancebook coder [--name NAME] [--id ID] [--data DIR]    who codes in this copy: show it, or set the name (the id stays; --id takes up an earlier one)',
  agreement:
    "stancebook agreement [--collection C | --article ID...] [--json] [--data DIR]    agreement between coders: matched spans, Krippendorff's alpha, unmatched spans",
} as const;

export type CommandName = keyof typeof USAGE;
