"""The commands of `python main.py`: play, and the headless tools for teachers and classes."""
