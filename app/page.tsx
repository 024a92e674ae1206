import { AlertMarks } from '@/components/alert-marks';
import { ConnectionStatus, BatchClock } from '@/components/connection-status';
import { CopyLinkButton } from '@/components/copy-link-button';
import { SeriesExportButtons, TopExportButtons } from '@/components/export-buttons';
import { MutedTagsButton } from '@/components/muted-tags-dialog';
import { TagDetailDialog } from '@/components/tag-detail/tag-detail-dialog';
import { ViewFiltersBar } from '@/components/view-filters-bar';
import { EngineStatsPanel } from '@/components/engine-stats-panel';
import { LiveSummary } from '@/components/live-summary';
import { PauseButton } from '@/components/pause-button';
import { SeriesActions, SeriesCaption, SeriesPanel } from '@/components/series-panel';
import { SourceStatus } from '@/components/source-status';
import { ThemeToggle } from '@/components/theme-toggle';
import { TopTagsCaption, TopTagsChart } from '@/components/top-tags-chart';
import { TrendingCaption, TrendingList } from '@/components/trending-list';
import { TrendsProvider } from '@/components/trends-provider';
import { Card } from '@/components/ui/card';
import { WindowSelector } from '@/components/window-selector';
import { DEFAULT_WINDOW_LABEL, parseViewUrl } from '@/lib/client/view-url';
import { readLatestDetail } from '@/lib/latest-detail-registry';
import { readLatestSnapshot } from '@/lib/latest-snapshot-registry';

interface DashboardPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * The dashboard: a header and four panels that reflow from one column to a wall-screen grid.
 * Rendered per request (it reads the request's search parameters, and the layout its headers)
 * from the latest state of this process's engine, under the address's filter, so the first paint
 * shows the live figures the view asks for, the detail of the tag it opens (`?tag=`) included.
 * No Suspense boundary around the sections: nothing suspends, and React streams a boundary whose
 * HTML comes after the first 12.8 KB of the page apart, hidden, to be moved into place by a
 * script in a later frame. The panels then appeared after the first paint and pushed the others
 * down (layout shifts of 0.55 on a phone). Hydration runs as a transition, in slices, anyway.
 */
export default async function DashboardPage({ searchParams }: DashboardPageProps) {
  const initialView = parseViewUrl(toQuery(await searchParams));
  // Under the address's filter, so that a shared link's first paint shows the filtered numbers.
  const [initialSnapshot, initialDetail] = await Promise.all([
    readLatestSnapshot({ lang: initialView.lang, originalsOnly: initialView.originalsOnly }),
    initialView.detail
      ? readLatestDetail({
          key: initialView.detail,
          window: initialView.window ?? DEFAULT_WINDOW_LABEL,
        })
      : null,
  ]);
  return (
    <TrendsProvider initialSnapshot={initialSnapshot} initialView={initialView}>
      {/* From xl the page is one screen tall, and never shorter than its cards' content with the
          chart's three first tags (61rem): a shorter screen scrolls rather than cut the chart
          over time. A height given by the screen, not by the content, moves nothing when the
          content changes. */}
      <div className="mx-auto flex w-full max-w-[3200px] flex-col gap-4 p-3 sm:p-5 xl:h-dvh xl:min-h-[61rem] 2xl:p-6">
        <header className="flex flex-wrap items-center justify-between gap-3">
          <div className="flex min-w-0 items-center gap-3">
            <span
              aria-hidden="true"
              className="grid size-9 place-items-center rounded-lg bg-sky-500 text-lg font-bold text-white"
            >
              #
            </span>
            <div className="min-w-0">
              <h1 className="text-lg leading-tight font-semibold tracking-tight">Tagstream</h1>
              <p className="text-xs text-zinc-500 dark:text-zinc-400">Trending hashtags, live</p>
            </div>
          </div>
          <div className="flex flex-wrap items-center gap-2 sm:gap-3">
            <BatchClock />
            <ConnectionStatus />
            <PauseButton />
            <ThemeToggle />
          </div>
        </header>
        <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
          <ViewFiltersBar />
          <div className="flex flex-wrap items-center gap-2">
            <MutedTagsButton />
            <CopyLinkButton />
          </div>
        </div>
        <AlertMarks />
        <LiveSummary />
        <main className="grid grid-cols-1 gap-4 md:grid-cols-2 xl:min-h-0 xl:flex-1 xl:grid-cols-12 xl:grid-rows-[minmax(0,1fr)_auto]">
          <Card
            title="Top hashtags"
            titleId="top-tags-title"
            description={<TopTagsCaption />}
            actions={
              <div className="flex flex-wrap items-center justify-end gap-2">
                <TopExportButtons />
                <WindowSelector />
              </div>
            }
            className="md:col-span-2 xl:col-span-4 xl:row-span-2 2xl:col-span-5"
          >
            <TopTagsChart />
          </Card>
          <Card
            title="Trending now"
            titleId="trending-title"
            description={<TrendingCaption />}
            className="xl:col-span-4 xl:row-span-2 2xl:col-span-3"
          >
            <TrendingList />
          </Card>
          <Card
            title="Over time"
            titleId="series-title"
            description={<SeriesCaption />}
            actions={
              <div className="flex flex-wrap items-center justify-end gap-2">
                <SeriesActions />
                <SeriesExportButtons />
              </div>
            }
            className={`xl:col-span-4 ${OFFSCREEN_DEFERRED}`}
          >
            <SeriesPanel />
          </Card>
          <Card
            title="Stream engine"
            titleId="engine-title"
            className={`md:col-span-2 xl:col-span-4 ${OFFSCREEN_DEFERRED}`}
          >
            <div className="flex flex-col gap-3">
              <EngineStatsPanel />
              <SourceStatus />
            </div>
          </Card>
        </main>
        <footer className="text-xs text-zinc-500 dark:text-zinc-400">
          Keyboard: <kbd className="font-mono">Tab</kbd> to a hashtag,{' '}
          <kbd className="font-mono">Enter</kbd> or <kbd className="font-mono">Space</kbd> opens its
          detail (<kbd className="font-mono">Esc</kbd> closes it) · arrow keys change the window ·{' '}
          <kbd className="font-mono">P</kbd> pauses and resumes
        </footer>
      </div>
      <TagDetailDialog
        addressDetail={
          initialView.detail && initialDetail
            ? { key: initialView.detail, detail: initialDetail }
            : undefined
        }
      />
    </TrendsProvider>
  );
}

/**
 * For the panels below the fold on a phone (the chart over time, the stream engine): while off
 * screen the browser skips their style, layout and paint, which every batch would otherwise
 * redo. They stay in the accessibility tree and in the tab order; the size they had last stands
 * in while skipped (a guess before the first layout, off screen where nothing shifts).
 */
const OFFSCREEN_DEFERRED = '[content-visibility:auto] [contain-intrinsic-size:auto_22rem]';

/** The request's search parameters as a query string, as the browser's address holds them. */
function toQuery(params: Record<string, string | string[] | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      query.append(name, one);
    }
  }
  return query.toString();
}
