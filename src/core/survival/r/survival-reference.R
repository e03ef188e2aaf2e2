# Reference figures from R's survival package for the Jobspor survival engine.
# Usage: Rscript survival-reference.R <spells.csv> <out.json> <times, comma-separated> <probs, comma-separated>
# spells.csv columns: time, event (0/1), cause (label, or 0 when censored), group.
# Base R and survival only; JSON is written by hand (doubles with 17 significant digits,
# NA as null, NaN and infinities as strings) because jsonlite may not be installed.
suppressPackageStartupMessages(library(survival))

args <- commandArgs(trailingOnly = TRUE)
spells <- read.csv(args[1], colClasses = c("numeric", "integer", "character", "character"))
times <- as.numeric(strsplit(args[3], ",")[[1]])
probs <- as.numeric(strsplit(args[4], ",")[[1]])

num <- function(x) {
  x <- as.numeric(x)
  out <- sprintf("%.17g", x)
  out[is.nan(x)] <- "\"NaN\""
  out[is.na(x) & !is.nan(x)] <- "null"
  out[is.infinite(x) & x > 0] <- "\"Inf\""
  out[is.infinite(x) & x < 0] <- "\"-Inf\""
  paste0("[", paste(out, collapse = ","), "]")
}
str1 <- function(x) paste0("\"", gsub("\"", "\\\\\"", x), "\"")
obj <- function(fields) paste0("{", paste(paste0(str1(names(fields)), ":", unlist(fields)), collapse = ","), "}")

groups <- sort(unique(spells$group), method = "radix")  # code-point order, as the engine sorts
spells$g <- factor(spells$group, levels = groups)
causes <- sort(unique(spells$cause[spells$cause != "0"]), method = "radix")
spells$cs <- factor(spells$cause, levels = c("0", causes))

# Rows of a stratified fit that belong to stratum i.
rows_of <- function(fit, i) {
  ends <- cumsum(fit$strata)
  starts <- c(1, head(ends, -1) + 1)
  if (fit$strata[i] == 0) integer(0) else seq(starts[i], ends[i])
}

km <- survfit(Surv(time, event) ~ g, data = spells)
q <- quantile(km, probs = probs)
s <- summary(km, times = times, extend = TRUE)
printed <- summary(km)$table  # what print(fit) shows: median by survival:::survmean
km_out <- list()
for (i in seq_along(groups)) {
  r <- rows_of(km, i)
  sr <- which(as.integer(s$strata) == i)
  km_out[[groups[i]]] <- obj(list(
    n = num(km$n[i]), time = num(km$time[r]), n_risk = num(km$n.risk[r]), n_event = num(km$n.event[r]),
    n_censor = num(km$n.censor[r]), surv = num(km$surv[r]), std_err_log = num(km$std.err[r]),
    lower = num(km$lower[r]), upper = num(km$upper[r]),
    print_median = num(printed[i, c("median", "0.95LCL", "0.95UCL")]),
    q_time = num(q$quantile[i, ]), q_lower = num(q$lower[i, ]), q_upper = num(q$upper[i, ]),
    at_time = num(s$time[sr]), at_surv = num(s$surv[sr]), at_std_err = num(s$std.err[sr]),
    at_lower = num(s$lower[sr]), at_upper = num(s$upper[sr]), at_n_risk = num(s$n.risk[sr])
  ))
}

sd <- survdiff(Surv(time, event) ~ g, data = spells)
sd_out <- obj(list(obs = num(sd$obs), exp = num(sd$exp), var = num(as.vector(sd$var)),
                   chisq = num(sd$chisq), pvalue = num(sd$pvalue)))

ci <- survfit(Surv(time, cs) ~ g, data = spells)
ci_out <- list()
for (i in seq_along(groups)) {
  r <- rows_of(ci, i)
  fields <- list(time = num(ci$time[r]), n_risk = num(ci$n.risk[r, 1]))
  for (j in seq_along(ci$states)) {
    key <- if (j == 1) "s0" else ci$states[j]
    fields[[paste0(key, "_p")]] <- num(ci$pstate[r, j])
    fields[[paste0(key, "_se")]] <- num(ci$std.err[r, j])
    fields[[paste0(key, "_lower")]] <- num(ci$lower[r, j])
    fields[[paste0(key, "_upper")]] <- num(ci$upper[r, j])
  }
  ci_out[[groups[i]]] <- obj(fields)
}

json <- obj(list(
  groups = paste0("[", paste(str1(groups), collapse = ","), "]"),
  states = paste0("[", paste(str1(ci$states), collapse = ","), "]"),
  km = obj(km_out), survdiff = sd_out, cif = obj(ci_out)
))
writeLines(json, args[2])
