'use client';
/**
 * The view's filters: a language (the languages seen in the window, with their posts, plus
 * "All languages") and "Original posts only" (retweets left out). They apply to the top list,
 * the trending list and the series, on the server (socket `filter`, the routes' parameters).
 */
import { useId, useState } from 'react';
import { formatExactCount } from '@/lib/client/format';
import { useLanguages } from '@/lib/client/use-languages';
import { useTrends } from './trends-provider';

const ALL = '';

export function ViewFiltersBar() {
  const { filter, setFilter, selectedWindow, latest } = useTrends();
  // The languages are fetched once the selector is first used: the first view needs none.
  const [wanted, setWanted] = useState(false);
  const languages = useLanguages(
    wanted ? selectedWindow?.label : undefined,
    latest?.stats.batches ?? 0,
  );
  const selectId = useId();
  const options =
    filter.lang && !languages.some((language) => language.lang === filter.lang)
      ? [{ lang: filter.lang, posts: 0 }, ...languages]
      : languages;
  const originalsOnly = filter.originalsOnly === true;
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-xs">
      <label htmlFor={selectId} className="flex items-center gap-2 font-medium">
        Language
        <select
          id={selectId}
          data-testid="language-filter"
          value={filter.lang ?? ALL}
          onFocus={() => setWanted(true)}
          onPointerDown={() => setWanted(true)}
          onChange={(event) => {
            const lang = event.target.value;
            setFilter({ ...filter, lang: lang === ALL ? undefined : lang });
          }}
          className="rounded-lg border border-zinc-300 bg-white px-2 py-1 font-normal dark:border-zinc-600 dark:bg-zinc-900"
        >
          <option value={ALL}>All languages</option>
          {options.map((language) => (
            <option key={language.lang} value={language.lang}>
              {language.lang} ({formatExactCount(language.posts)} posts)
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        role="switch"
        aria-checked={originalsOnly}
        data-testid="originals-filter"
        onClick={() => setFilter({ ...filter, originalsOnly: originalsOnly ? undefined : true })}
        className="flex items-center gap-2 rounded-lg px-1 py-1 font-medium focus-visible:outline-2 focus-visible:outline-sky-500"
      >
        <span
          aria-hidden="true"
          className={`relative inline-block h-4 w-7 rounded-full transition-colors ${originalsOnly ? 'bg-sky-600' : 'bg-zinc-300 dark:bg-zinc-600'}`}
        >
          <span
            className={`absolute top-0.5 size-3 rounded-full bg-white transition-[left] ${originalsOnly ? 'left-3.5' : 'left-0.5'}`}
          />
        </span>
        Original posts only
      </button>
    </div>
  );
}
