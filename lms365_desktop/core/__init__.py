"""Qt-free application services: profiles, secrets, bulk jobs, upload queue, logs."""
