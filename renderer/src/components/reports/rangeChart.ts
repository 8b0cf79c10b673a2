/** One series of a range-report bar chart: a name (in the legend) and a value per category. */
export interface BarSeries {
  name: string
  data: number[]
}
