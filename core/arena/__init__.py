"""Arena-style evaluation: pairwise human votes turned into ratings with confidence intervals."""
