import { baseLayout, type Figure } from "./figure";

/** One index's vote: the k it prefers. */
export interface KVote {
  index: string;
  k: number;
}

export interface VoteChartOptions {
  /** @default "Votes for k across indices" */
  title?: string;
  /** @default 380 */
  height?: number;
}

const defaults = { title: "Votes for k across indices", height: 380 };

/**
 * Bar chart of how many indices vote for each k, the majority k highlighted; hovering a bar lists its voters.
 *
 * @param votes - one vote per index (elbow, silhouette, gap, …).
 * @param options - see {@link VoteChartOptions}.
 * @returns a Figure with one bar trace over the voted ks, ascending.
 * @example
 * voteChart([{ index: "a", k: 5 }, { index: "b", k: 5 }, { index: "c", k: 3 }]).data[0].y; // => [1, 2]
 */
export function voteChart(votes: readonly KVote[], options: VoteChartOptions = {}): Figure {
  const opts = { ...defaults, ...options };
  const ks = [...new Set(votes.map((v) => v.k))].sort((a, b) => a - b);
  const counts = ks.map((k) => votes.filter((v) => v.k === k).length);
  const top = Math.max(0, ...counts);
  return {
    data: [
      {
        type: "bar",
        name: "votes",
        x: ks,
        y: counts,
        // voters stacked one per line, written horizontally inside the bar
        text: ks.map((k) =>
          votes
            .filter((v) => v.k === k)
            .map((v) => v.index)
            .join("<br>"),
        ),
        textangle: 0,
        textposition: "inside",
        insidetextanchor: "middle",
        hovertemplate: "k = %{x}: %{y} votes<br>%{text}<extra></extra>",
        marker: { color: counts.map((c) => (c === top ? "#ef553b" : "#636efa")) },
      },
    ],
    layout: baseLayout(opts.title, {
      height: opts.height,
      xaxis: { title: { text: "k (number of clusters)" }, type: "category" },
      bargap: 0.35,
      yaxis: { title: { text: "votes" }, dtick: 1 },
    }),
  };
}
