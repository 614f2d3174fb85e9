"""The annotate workspace: blind A/B votes for annotators; preparing, sharing and scoring sessions for owners."""
