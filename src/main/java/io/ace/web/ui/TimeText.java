package io.ace.web.ui;

import io.ace.json.IsoTime;
import io.ace.web.ServeOnly;
import java.time.temporal.Temporal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** How every page writes a time ({@code ${time.of(...)}}): as reports and the command line do, with its offset. */
@ServeOnly
@ControllerAdvice(basePackageClasses = TimeText.class)
public class TimeText {

    @ModelAttribute("time")
    TimeText time() {
        return this;
    }

    /** {@link IsoTime#seconds}, or a dash for a time not reached yet. */
    public String of(Temporal time) {
        return time == null ? "—" : IsoTime.seconds(time);
    }
}
