# Times R's survfit on the benchmark spells: only the survfit call, data already loaded.
# Usage: Rscript survival-survfit.R <spells.csv> <repeats>
suppressPackageStartupMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], colClasses = c("numeric", "integer", "character"))
d$group <- factor(d$group)
repeats <- as.integer(args[2])
elapsed <- numeric(repeats)
for (i in seq_len(repeats)) {
  elapsed[i] <- system.time(fit <- survfit(Surv(time, status) ~ group, data = d))[["elapsed"]]
}
cat(sprintf("%.6f", elapsed), sep = "\n")
