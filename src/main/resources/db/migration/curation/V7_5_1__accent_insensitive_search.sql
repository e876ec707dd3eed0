-- Issue 25, point 3: curators search the queue by words, with or without accents (« ecole » finds « école »).
-- The french configuration stems words but keeps their accents, so the text is searched without them: an immutable
-- function, hence usable in a stored column and its index. Java strips the accents of the words typed the same way.
create function curation.plain(text) returns text
    language sql immutable strict parallel safe as $$
    -- upper case too: lower() leaves accented capitals as they are under the C locale
    select lower(translate(replace(replace(replace(replace($1, 'œ', 'oe'), 'æ', 'ae'), 'Œ', 'oe'), 'Æ', 'ae'),
                           'àâäáãåçéèêëíìîïñóòôöõúùûüýÿÀÂÄÁÃÅÇÉÈÊËÍÌÎÏÑÓÒÔÖÕÚÙÛÜÝŸ',
                           'aaaaaaceeeeiiiinooooouuuuyyaaaaaaceeeeiiiinooooouuuuyy'))
$$;

alter table curation.contribution
    add column plain_search tsvector generated always as (to_tsvector('french', curation.plain(title || ' ' || need))) stored;

create index contribution_plain_search_idx on curation.contribution using gin (plain_search);
