"""Jobs: stages run as child processes in run folders, watched through their events."""
